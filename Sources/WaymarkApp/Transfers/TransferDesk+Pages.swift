public import Foundation
public import WaymarkCore
public import WaymarkFormats
public import WaymarkRecords
import WaymarkStore

/// What the "move to another authority" page shows about a young person.
public struct TransferOutView: Sendable {
    public let personID: Int64
    public let name: String
    public let cohortStatus: String
    public let transferredTo: String?
    public let sent: [StoredTransferOut]
    /// Every LA code and name a young person can move to, for the choice.
    public let destinations: [(code: String, name: String)]
}

/// A received package as the data manager decides on it.
public struct TransferInView: Sendable {
    public let stored: StoredTransferIn
    public let package: TransferPackage
    public let match: TransferMatch
    public let fromName: String
}

extension TransferDesk {
    /// The page before a transfer out; audited as a view of the record.
    public func transferOutView(for grant: AccessGrant, person: Int64, at now: Date) async throws -> TransferOutView {
        try grant.require(.transferPeople)
        guard try await CaseloadLookup(store: store).placement(of: person, in: grant.scope) != nil,
              let bundle = try await PersonBundleReader(store: store, registry: registry).person(person, responsibleLA: laCode.code) else {
            throw Refusal.notFound("There is no young person \(person) in your records.")
        }
        let sent = try await TransferQueries(store: store).transfersOut(of: person)
        try await ViewAudit.record(store, grant, at: now, entity: "young_person", entityID: person, personID: person, detail: "transfer page")
        let name = [bundle.givenName, bundle.familyName].compactMap { $0 }.joined(separator: " ")
        let destinations = registry.allCodes.filter { $0 != laCode && $0.isValidTransferDestination }.map { ($0.code, registry.name(of: $0) ?? $0.code) }
        return TransferOutView(
            personID: person, name: name, cohortStatus: bundle.cohortStatus ?? "", transferredTo: bundle.transferredToLA, sent: sent,
            destinations: destinations)
    }

    /// A package waiting for a decision, with who it may be here; audited as a view of the package.
    public func transferInView(for grant: AccessGrant, id: Int64, at now: Date) async throws -> TransferInView {
        try grant.require(.transferPeople)
        guard let stored = try await TransferQueries(store: store).transferIn(id) else { throw Refusal.notFound("There is no transfer \(id).") }
        let fromName = (try? registry.code(stored.fromLA)).flatMap(registry.name(of:)) ?? "LA \(stored.fromLA)"
        guard stored.status == .received else {
            // Decided: nothing of the young person is shown (a declined package kept nothing to show).
            throw Refusal.conflict("Transfer \(id) from \(fromName) was \(stored.status.rawValue)\(stored.personID.map { " (young person \($0))" } ?? "").")
        }
        let (_, package) = try await waiting(id)
        let match = try await match(stored, package, scope: grant.scope)
        try await ViewAudit.record(store, grant, at: now, entity: "transfer_in", entityID: id, personID: match.personID, detail: "transfer=\(id)")
        return TransferInView(stored: stored, package: package, match: match, fromName: fromName)
    }

    public func laName(_ code: String) -> String {
        (try? registry.code(code)).flatMap(registry.name(of:)) ?? "LA \(code)"
    }
}
