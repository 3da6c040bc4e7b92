import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkSynthetic

/// Turns a generated person into the store's bulk shape, checking LA codes
/// against the registry on the way (a generator bug must not load silently).
struct SyntheticMapper: Sendable {
    let registry: LocalAuthorityRegistry
    let organisationIDs: [Int: Int64]

    /// The generator does not say when a leaver left; the last time anyone
    /// learnt something about them is the closest stand-in.
    static func leftOn(_ person: SyntheticPerson) -> CalendarDate? {
        person.cohortStatus.isActive ? nil : person.activities.map(\.record.dateAscertained).max()
    }

    func bulkPerson(_ person: SyntheticPerson) throws -> BulkPerson {
        let newPerson = NewYoungPerson(
            identity: person.identity, cohortStatus: person.cohortStatus,
            responsibleLA: try registry.code(person.responsibleLA, field: "LeadLEA"),
            educatedLA: try registry.code(person.educatedLA, field: "EducatedLEA"),
            laCodeAtYear11: try person.laCodeAtYear11.map { try registry.code($0, field: "LEACodeAtYear11") },
            transferredToLA: try person.transferredToLA.map { try registry.code($0, field: "TransferredToLACode") },
            schoolID: person.schoolKey.flatMap { organisationIDs[$0] },
            cohortStatusSince: Self.leftOn(person))
        return BulkPerson(
            id: Int64(person.key), person: newPerson, addresses: person.addresses, contactDetails: person.contactDetails,
            activities: person.activities.map { (record: $0.record, organisationID: $0.organisationKey.flatMap { organisationIDs[$0] }) },
            characteristics: person.characteristics, needs: person.needs, intendedDestination: person.intendedDestination,
            guarantees: person.guarantees)
    }
}
