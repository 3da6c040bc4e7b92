import SQLKit
public import WaymarkCore

/// A young person to add, with the LA facts that decide who reports them.
public struct NewYoungPerson: Sendable, Equatable {
    public var identity: YoungPersonIdentity
    public var cohortStatus: CohortStatus
    /// The LA they live in, which is responsible for them.
    public var responsibleLA: LocalAuthorityCode
    /// The LA they are educated in (often the same).
    public var educatedLA: LocalAuthorityCode
    public var laCodeAtYear11: LocalAuthorityCode?
    public var transferredToLA: LocalAuthorityCode?
    public var schoolID: Int64?
    /// When the cohort status took effect, so a leaver is reported in the month they left.
    public var cohortStatusSince: CalendarDate?

    public init(
        identity: YoungPersonIdentity, cohortStatus: CohortStatus, responsibleLA: LocalAuthorityCode, educatedLA: LocalAuthorityCode,
        laCodeAtYear11: LocalAuthorityCode? = nil, transferredToLA: LocalAuthorityCode? = nil, schoolID: Int64? = nil,
        cohortStatusSince: CalendarDate? = nil
    ) {
        self.identity = identity
        self.cohortStatus = cohortStatus
        self.responsibleLA = responsibleLA
        self.educatedLA = educatedLA
        self.laCodeAtYear11 = laCodeAtYear11
        self.transferredToLA = transferredToLA
        self.schoolID = schoolID
        self.cohortStatusSince = cohortStatusSince
    }

    /// Identity rules plus the transfer rules (errors 13, 34, 41, 42).
    public func violations() -> [RuleViolation] {
        var found = identity.violations()
        switch (cohortStatus, transferredToLA) {
        case (.transferred, nil):
            found.append(.nccis(13, field: "TransferredToLACode", "A transferred young person needs the LA they moved to"))
        case (.transferred, .some(let code)) where !code.isValidTransferDestination:
            found.append(.nccis(41, field: "TransferredToLACode", "004 (unknown area) cannot be a transferred-to LA"))
        case (.transferred, .some(let code)) where code == responsibleLA:
            found.append(.nccis(42, field: "TransferredToLACode", "The transferred-to LA cannot be the responsible LA"))
        case (let status, .some) where status != .transferred:
            found.append(.nccis(34, field: "TransferredToLACode", "Only cohort status T carries a transferred-to LA"))
        default:
            break
        }
        return found
    }
}

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
