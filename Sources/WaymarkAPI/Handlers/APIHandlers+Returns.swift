import Foundation
import OpenAPIRuntime
import WaymarkApp
import WaymarkCore
import WaymarkRecords

extension APIHandlers {
    func listReturns(_ input: Operations.ListReturns.Input) async throws -> Operations.ListReturns.Output {
        let access = try APIRequest.require(.readReturns)
        let instant = now()
        let periodEnd = try APIInput.monthEnd(input.query.periodEnd, field: "periodEnd", today: CalendarDate.today(from: instant))
        let view = try await app.returns.returns(periodEnd: periodEnd, for: access.grant, at: instant)
        let generation = view.generation.map(Self.job) ?? .init(status: .none)
        let returns = view.history.map { stored in
            Components.Schemas.GeneratedReturn(
                id: stored.id, periodEnd: stored.generated.periodEnd.iso, records: stored.generated.records, findings: stored.generated.findings,
                rejectingFindings: stored.generated.rejectingFindings, sha256: stored.generated.sha256, byteCount: stored.generated.byteCount,
                fileName: stored.generated.fileName, generatedAt: Timestamp.parse(stored.generatedAt) ?? .distantPast)
        }
        return .ok(.init(body: .json(.init(periodEnd: periodEnd.iso, generation: generation, returns: returns))))
    }

    func requestReturn(_ input: Operations.RequestReturn.Input) async throws -> Operations.RequestReturn.Output {
        let access = try APIRequest.require(.writeReturns)
        guard case .json(let request) = input.body else { throw APIProblem.badRequest("Send the request as application/json.") }
        let instant = now()
        let periodEnd = try APIInput.monthEnd(request.periodEnd, field: "periodEnd", today: CalendarDate.today(from: instant))
        try await app.returns.requestReturn(periodEnd: periodEnd, force: request.force ?? false, for: access.grant, at: instant)
        let view = try await app.returns.returns(periodEnd: periodEnd, for: access.grant, at: instant)
        return .accepted(.init(body: .json(view.generation.map(Self.job) ?? .init(status: .queued))))
    }

    func getReturnFile(_ input: Operations.GetReturnFile.Input) async throws -> Operations.GetReturnFile.Output {
        let access = try APIRequest.require(.readReturns)
        let file = try await app.returns.download(input.path.returnId, for: access.grant, at: now())
        return .ok(.init(body: .xml(HTTPBody(file.data))))
    }
}
