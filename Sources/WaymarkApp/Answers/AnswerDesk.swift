public import Foundation
import WaymarkCore
public import WaymarkRecords
import WaymarkStore

/// Self-declared answers waiting for a tracking officer: the list (audited
/// with who was on it), and verifying or rejecting one.
public struct AnswerDesk: Sendable {
    let store: Store
    let desk: SelfServiceDesk

    init(store: Store, desk: SelfServiceDesk) {
        self.store = store
        self.desk = desk
    }

    public func awaiting(for grant: AccessGrant, at now: Date) async throws -> [StoredSelfServiceAnswer] {
        try grant.require(.workQueues)
        let answers = try await SelfServiceAnswerQueries(store: store).awaiting(in: grant.scope)
        let contact = grant.visibleClasses.contains(.contact) ? "shown" : "withheld"
        try await ViewAudit.record(
            store, grant, at: now, entity: "self_service_answer",
            detail: "awaiting verification; contact details \(contact); \(ViewAudit.shown(answers.map(\.personID)))")
        return answers
    }

    /// Nil when there is no such answer in the user's scope.
    public func verify(_ id: Int64, for grant: AccessGrant, at now: Date) async throws -> VerificationResult? {
        try grant.require(.recordTrackingWork)
        return try await desk.verify(id, by: grant.user.id, scope: grant.scope, now: now)
    }

    /// False when there is no such answer in scope, or it was already settled.
    public func reject(_ id: Int64, for grant: AccessGrant, at now: Date) async throws -> Bool {
        try grant.require(.recordTrackingWork)
        return try await desk.reject(id, by: grant.user.id, scope: grant.scope, now: now)
    }
}
