public import Foundation
public import WaymarkCore
import WaymarkRecords
public import WaymarkStore

/// The register of data flows for data managers: every way data enters or
/// leaves, its legal basis and when it is next reviewed. The register names
/// no young person, so reading it is not a view of personal data.
public struct DataFlowDesk: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    public func register(for grant: AccessGrant) async throws -> [DataFlow] {
        try grant.require(.manageDataFlows)
        return try await ConsentQueries(store: store).flows()
    }

    public func flow(_ key: String, for grant: AccessGrant) async throws -> DataFlow {
        try grant.require(.manageDataFlows)
        guard let flow = try await ConsentQueries(store: store).flow(key) else { throw Self.noSuchFlow }
        return flow
    }

    /// Saves an edited entry, or returns what it lacks (nothing is saved then).
    public func update(_ flow: DataFlow, for grant: AccessGrant, at now: Date) async throws -> [String] {
        try grant.require(.manageDataFlows)
        let problems = flow.problems
        guard problems.isEmpty else { return problems }
        guard try await store.change(by: grant.actor, at: now, { tx in try await tx.updateDataFlow(flow) }) else { throw Self.noSuchFlow }
        return []
    }

    static let noSuchFlow = Refusal.notFound("There is no data flow with that name in the register.")
}
