import Foundation
import OpenAPIRuntime
import WaymarkApp
import WaymarkCore
import WaymarkRecords

extension APIHandlers {
    func uploadImport(_ input: Operations.UploadImport.Input) async throws -> Operations.UploadImport.Output {
        let access = try APIRequest.require(.writeImports)
        let fileName = input.query.fileName
        let lowered = fileName.lowercased()
        guard (5...200).contains(fileName.count), !fileName.contains("/"), !fileName.contains("\\"),
            [".csv", ".xlsx", ".xml"].contains(where: { lowered.hasSuffix($0) })
        else {
            throw APIProblem.invalid(field: "fileName", rule: "pattern", "fileName is the file's name, ending .csv, .xlsx or .xml, without folders.")
        }
        guard case .binary(let body) = input.body else { throw APIProblem.badRequest("Send the file's bytes as application/octet-stream.") }
        let data: Data
        do {
            data = try await Data(collecting: body, upTo: ImportDesk.maxFileBytes)
        } catch {
            throw APIProblem(status: 413, title: "Content too large", detail: "An import is at most \(ImportDesk.maxFileBytes / 1_000_000) MB.")
        }
        guard !data.isEmpty else { throw APIProblem.invalid(field: "body", rule: "required", "The file is empty.") }
        switch try await app.imports.send(data, fileName: fileName, kind: input.query.kind.rawValue, for: access.grant, at: now()) {
        case .refused(let problems):
            throw APIProblem.invalid(
                problems.map { .init(field: $0.field, rule: $0.rule, message: $0.message, row: $0.row == 0 ? nil : $0.row) },
                detail: "\(fileName) has \(problems.count == 1 ? "a problem" : "\(problems.count) problems"), so nothing was imported.")
        case .imported(let batch, let outcomes, let again):
            return .created(.init(body: .json(Self.outcome(batch, outcomes, alreadyImported: again))))
        }
    }

    func getImport(_ input: Operations.GetImport.Input) async throws -> Operations.GetImport.Output {
        let access = try APIRequest.require(.writeImports)
        let (batch, outcomes) = try await app.imports.batch(input.path.importId, for: access.grant)
        return .ok(.init(body: .json(Self.outcome(batch, outcomes, alreadyImported: nil))))
    }

    func listImportExceptions(_ input: Operations.ListImportExceptions.Input) async throws -> Operations.ListImportExceptions.Output {
        let access = try APIRequest.require(.writeImports)
        let after = try APICursor.read(input.query.cursor, kind: "row", fallback: 0)
        let rows = try await app.imports.exceptions(of: input.path.importId, after: after, limit: Self.pageSize + 1, for: access.grant)
        let shown = rows.prefix(Self.pageSize)
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: shown.map { .init(row: $0.row, exceptionId: $0.exceptionID) },
                        nextCursor: rows.count > Self.pageSize ? shown.last.map { APICursor.make("row", $0.row) } : nil))))
    }

    static let pageSize = 100

    static func outcome(_ batch: ImportBatchSummary, _ outcomes: [ImportOutcome: Int], alreadyImported: Bool?) -> Components.Schemas.ImportOutcome {
        .init(
            id: batch.id, fileName: batch.fileName, kind: batch.kind, rowsRead: batch.rowsRead, finished: batch.finished, alreadyImported: alreadyImported,
            updated: outcomes[.updated] ?? 0, unchanged: outcomes[.unchanged] ?? 0, created: outcomes[.created] ?? 0, excepted: outcomes[.excepted] ?? 0)
    }
}
