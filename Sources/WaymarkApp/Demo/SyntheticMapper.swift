import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkSynthetic

/// Turns a generated person into the store's bulk shape, checking LA codes
/// against the registry on the way (a generator bug must not load silently).
struct SyntheticMapper: Sendable {
    let registry: LocalAuthorityRegistry
    let organisationIDs: [Int: Int64]
    let organisationKinds: [Int: OrganisationKind]

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
            guarantees: person.guarantees, enrolments: enrolments(person), schoolFacts: person.schoolFacts)
    }

    /// The school history the generated pathway implies: the Year 11 roll of
    /// the school, and a spell for each activity at a school, college or provider.
    func enrolments(_ person: SyntheticPerson) -> [NewEnrolment] {
        var spells: [NewEnrolment] = []
        if let key = person.schoolKey, let school = organisationIDs[key], let kind = organisationKinds[key].flatMap(EnrolmentKind.init(organisation:)) {
            let year11 = AcademicAge.academicYear(ofYearGroup: 11, dateOfBirth: person.identity.dateOfBirth)
            spells.append(NewEnrolment(organisationID: school, kind: kind, yearGroup: 11, from: year11.firstDay, to: year11.lastDay))
        }
        // In the order the store reads them: by start, then as recorded.
        let activities = person.activities.enumerated().sorted { ($0.element.record.startDate, $0.offset) < ($1.element.record.startDate, $1.offset) }
            .map(\.element)
        let periods = ActivityEnrolment.periods(activities.map { ($0.record.startDate, $0.record.predictedEndDate) })
        for (activity, period) in zip(activities, periods) {
            guard EnrolmentKind.enrols(activity.record.code), let key = activity.organisationKey, let organisation = organisationIDs[key],
                let kind = organisationKinds[key].flatMap(EnrolmentKind.init(organisation:))
            else { continue }
            spells.append(NewEnrolment(organisationID: organisation, kind: kind, from: period.from, to: period.to, basis: .activity))
        }
        return spells
    }
}
