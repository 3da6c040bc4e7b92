public import Foundation
import WaymarkRecords
import WaymarkCore
import WaymarkStore

/// The look-up page's heading: who is being asked about, and whether the index can answer.
public struct KnownElsewhereView: Sendable {
    public let personID: Int64
    public let name: String
    public let indexReady: Bool
    public let publications: Int
}

extension KnownElsewhereDesk {
    /// Audited as a view of the record (the name is shown).
    public func view(for grant: AccessGrant, person: Int64, at now: Date) async throws -> KnownElsewhereView {
        try grant.require(.lookUpElsewhere)
        guard try await CaseloadLookup(store: store).placement(of: person, in: grant.scope) != nil,
              let bundle = try await PersonBundleReader(store: store, registry: registry).person(person, responsibleLA: laCode.code) else {
            throw Refusal.notFound("There is no young person \(person) in your records.")
        }
        let key = try await index.regionKey()
        let publications = try await index.publications().count
        try await ViewAudit.record(store, grant, at: now, entity: "young_person", entityID: person, personID: person, detail: "known elsewhere page")
        return KnownElsewhereView(
            personID: person, name: [bundle.givenName, bundle.familyName].compactMap { $0 }.joined(separator: " "), indexReady: key != nil && publications > 0,
            publications: publications)
    }
}
