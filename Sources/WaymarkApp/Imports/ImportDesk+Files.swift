public import Foundation
public import WaymarkRecords
import WaymarkCore
import WaymarkFormats
import WaymarkStore

/// One thing wrong with a file sent: the row (0 for the whole file), the field and the rule.
public struct ImportFileProblem: Sendable, Equatable {
    public let row: Int
    public let field: String
    public let rule: String
    public let message: String
}

/// What became of a file sent whole (not read first by the caller): refused
/// with every problem, importing nothing, or imported.
public enum ImportAttempt: Sendable {
    case refused([ImportFileProblem])
    case imported(ImportBatchSummary, [ImportOutcome: Int], alreadyImported: Bool)
}

/// A file's row that waits in the exception queue.
public struct ImportRowException: Sendable, Equatable {
    public let row: Int
    public let exceptionID: Int64
}

extension ImportDesk {
    /// The largest file the API takes, as the import page.
    public static let maxFileBytes = 25_000_000

    /// Reads and imports a file sent as bytes, for the API: a local authority
    /// client whose role resolves matches sends any kind; a school's client its
    /// Year 11 list, through the portal's path (each row taken as its own pupil).
    public func send(_ data: Data, fileName: String, kind kindName: String, for grant: AccessGrant, at now: Date) async throws -> ImportAttempt {
        guard grant.allows(.resolveMatches) || grant.allows(.postPupilInformation) else {
            throw AccessDenied(permission: .resolveMatches, role: grant.role)
        }
        guard let kind = ImportKind(rawValue: kindName) else {
            return .refused([ImportFileProblem(row: 0, field: "kind", rule: "enum", message: "'\(kindName.prefix(40))' is not a kind of file Waymark reads")])
        }
        guard data.count <= Self.maxFileBytes else { throw Refusal.invalid("The file is larger than \(Self.maxFileBytes / 1_000_000) MB.") }
        guard !grant.allows(.resolveMatches) else { return try await sendAsAuthority(data, fileName: fileName, kind: kind, for: grant, at: now) }
        guard kind == .year11List else {
            return .refused([ImportFileProblem(row: 0, field: "kind", rule: "school-file", message: "A school sends its Year 11 list (year11_list)")])
        }
        let outcome = try await PortalDesk(store: store, laCode: laCode).uploadIntendedDestinations(data: data, fileName: fileName, for: grant, at: now)
        guard let summary = outcome.summary else {
            return .refused(outcome.problems.map { ImportFileProblem(row: 0, field: "file", rule: "import", message: $0) })
        }
        return try await imported(summary)
    }

    private func sendAsAuthority(_ data: Data, fileName: String, kind: ImportKind, for grant: AccessGrant, at now: Date) async throws -> ImportAttempt {
        guard let format = kind == .ctf ? .ctf : ImportFormat(fileName: fileName), format != .ctf || kind == .ctf else {
            return .refused([ImportFileProblem(row: 0, field: "fileName", rule: "format", message: "A spreadsheet must be a .csv or .xlsx file; a CTF must be .xml")])
        }
        let reading: ImportReading
        do {
            reading = try ImportReader.read(data, format: format, kind: kind)
        } catch {
            return .refused([ImportFileProblem(row: 0, field: "file", rule: "readable", message: "\(error). Nothing was imported.")])
        }
        guard reading.isClean else {
            return .refused(reading.problems.prefix(200).map { ImportFileProblem(row: $0.row, field: $0.column, rule: $0.rule, message: $0.message) })
        }
        let (summary, _) = try await run(reading, fileName: fileName, data: data, for: grant, at: now)
        return try await imported(summary)
    }

    private func imported(_ summary: ImportSummary) async throws -> ImportAttempt {
        let queries = ImportBatchQueries(store: store)
        guard let batch = try await queries.batch(summary.batchID) else { throw Refusal.notFound("The file's import was not found.") }
        return .imported(batch.summary, try await queries.outcomes(of: batch.summary.id), alreadyImported: summary.wasAlreadyImported)
    }

    /// One file's outcome: the local authority's importers read any; a school's, college's or provider's users only the files they sent.
    public func batch(_ id: Int64, for grant: AccessGrant) async throws -> (ImportBatchSummary, [ImportOutcome: Int]) {
        let queries = ImportBatchQueries(store: store)
        guard let batch = try await readable(id, for: grant) else { throw Refusal.notFound("There is no file with that id that you sent.") }
        return (batch, try await queries.outcomes(of: id))
    }

    /// The rows of a file waiting in the exception queue, after row `after`, in row order.
    public func exceptions(of id: Int64, after row: Int, limit: Int, for grant: AccessGrant) async throws -> [ImportRowException] {
        guard try await readable(id, for: grant) != nil else { throw Refusal.notFound("There is no file with that id that you sent.") }
        return try await ImportBatchQueries(store: store).exceptedRows(of: id, after: row, limit: limit).map { ImportRowException(row: $0.row, exceptionID: $0.exceptionID) }
    }

    private func readable(_ id: Int64, for grant: AccessGrant) async throws -> ImportBatchSummary? {
        guard grant.allows(.resolveMatches) || grant.allows(.postPupilInformation) else {
            throw AccessDenied(permission: .resolveMatches, role: grant.role)
        }
        guard let batch = try await ImportBatchQueries(store: store).batch(id) else { return nil }
        return grant.allows(.resolveMatches) || batch.recordedBy == grant.user.id ? batch.summary : nil
    }
}
