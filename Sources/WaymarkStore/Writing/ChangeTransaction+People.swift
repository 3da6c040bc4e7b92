import SQLKit
public import WaymarkCore
public import WaymarkRecords

extension ChangeTransaction {
    /// Adds a young person after checking the national rules on identity and transfer.
    @discardableResult
    public func createPerson(_ person: NewYoungPerson) async throws -> Int64 {
        let violations = person.violations()
        guard violations.isEmpty else { throw ValidationFailure(violations) }
        let identity = person.identity
        let id = try await insertReturningID(
            into: "young_person",
            [
                ("given_name", identity.givenName), ("middle_names", identity.middleNames), ("family_name", identity.familyName),
                ("preferred_name", identity.preferredName), ("date_of_birth", identity.dateOfBirth.iso),
                ("gender", identity.gender.rawValue), ("ethnicity", identity.ethnicity.rawValue), ("upn", identity.upn), ("uln", identity.uln),
                ("cohort_status", person.cohortStatus.rawValue), ("responsible_la", person.responsibleLA.code),
                ("educated_la", person.educatedLA.code), ("la_code_at_year_11", person.laCodeAtYear11?.code),
                ("transferred_to_la", person.transferredToLA?.code), ("school_id", person.schoolID),
                ("cohort_status_since", person.cohortStatusSince?.iso),
            ])
        try await PersonNameKeys.insert(PersonNames(identity).keys.map { (id, $0) }, on: db)
        try await audit(.create, entity: "young_person", entityID: id, personID: id, detail: "cohort=\(person.cohortStatus.rawValue)")
        return id
    }

    /// Changes cohort status (a leaver, a transfer, a duplicate), with the same rules as creation.
    public func setCohortStatus(
        of personID: Int64, to status: CohortStatus, transferredTo: LocalAuthorityCode?, since: CalendarDate
    ) async throws {
        try await db.update("young_person")
            .set("cohort_status", to: status.rawValue)
            .set("transferred_to_la", to: transferredTo?.code)
            .set("cohort_status_since", to: since.iso)
            .where("id", .equal, personID)
            .run()
        try await audit(.update, entity: "young_person", entityID: personID, personID: personID, detail: "cohort=\(status.rawValue)")
    }

    /// Adds an alias (a former or alternative name) that search will also match.
    @discardableResult
    public func addAlias(to personID: Int64, givenName: String?, familyName: String?, kind: String) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "person_alias",
            [("person_id", personID), ("given_name", givenName), ("family_name", familyName), ("kind", kind)])
        try await PersonNameKeys.refresh(personID: personID, on: db)
        try await audit(.create, entity: "person_alias", entityID: id, personID: personID, detail: kind)
        return id
    }
}
