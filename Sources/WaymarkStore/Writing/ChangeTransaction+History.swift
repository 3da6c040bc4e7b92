import SQLKit
public import WaymarkCore

extension ChangeTransaction {
    /// Records an activity after checking every entry rule; the history keeps
    /// all earlier ones. Without an organisation, the one its UKPRN or DfE
    /// number names is used, and the school history follows it (see ``followActivity``).
    @discardableResult
    public func recordActivity(_ activity: ActivityRecord, for personID: Int64, organisationID: Int64? = nil) async throws -> Int64 {
        let violations = ActivityEntryRules.check(activity)
        guard violations.isEmpty else { throw ValidationFailure(violations) }
        var organisationID = organisationID
        if organisationID == nil { organisationID = try await organisation(named: activity) }
        let id = try await insertReturningID(into: "activity", ActivityColumns.values(activity, personID: personID, organisationID: organisationID))
        try await audit(.create, entity: "activity", entityID: id, personID: personID, detail: "code=\(activity.code.rawValue)")
        try await followActivity(activity, for: personID, at: organisationID)
        return id
    }

    /// Adds an address and closes the one it replaces the day before, so the history has no gaps or overlaps.
    @discardableResult
    public func addAddress(_ address: AddressRecord, for personID: Int64) async throws -> Int64 {
        try await db.update("address")
            .set("valid_to", to: address.validFrom.adding(days: -1).iso)
            .where("person_id", .equal, personID)
            .where("valid_to", .is, SQLLiteral.null)
            .run()
        let id = try await insertReturningID(into: "address", AddressColumns.values(address, personID: personID))
        try await audit(.create, entity: "address", entityID: id, personID: personID)
        return id
    }

    /// Adds a phone number or e-mail, closing the previous one of the same kind.
    @discardableResult
    public func addContactDetail(_ detail: ContactDetailRecord, for personID: Int64) async throws -> Int64 {
        try await db.update("contact_detail")
            .set("valid_to", to: detail.validFrom.adding(days: -1).iso)
            .where("person_id", .equal, personID)
            .where("kind", .equal, detail.kind.rawValue)
            .where("valid_to", .is, SQLLiteral.null)
            .run()
        let id = try await insertReturningID(
            into: "contact_detail",
            [("person_id", personID), ("kind", detail.kind.rawValue), ("value", detail.value), ("valid_from", detail.validFrom.iso),
             ("valid_to", detail.validTo?.iso)])
        try await audit(.create, entity: "contact_detail", entityID: id, personID: personID, detail: detail.kind.rawValue)
        return id
    }

    @discardableResult
    public func addCharacteristic(_ characteristic: CharacteristicRecord, for personID: Int64) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "characteristic",
            [("person_id", personID), ("code", characteristic.code.rawValue), ("start_date", characteristic.startDate.iso),
             ("end_date", characteristic.endDate?.iso)])
        try await audit(.create, entity: "characteristic", entityID: id, personID: personID, detail: "code=\(characteristic.code.rawValue)")
        return id
    }

    /// Ends a characteristic that no longer applies; the row stays in the history.
    public func endCharacteristic(id: Int64, for personID: Int64, on date: CalendarDate) async throws {
        try await db.update("characteristic")
            .set("end_date", to: date.iso)
            .where("id", .equal, id)
            .where("person_id", .equal, personID)
            .run()
        try await audit(.update, entity: "characteristic", entityID: id, personID: personID, detail: "ended")
    }

    @discardableResult
    public func recordNeed(_ need: NeedAssessment, for personID: Int64) async throws -> Int64 {
        let violations = need.violations()
        guard violations.isEmpty else { throw ValidationFailure(violations) }
        let id = try await insertReturningID(
            into: "need_assessment",
            [("person_id", personID), ("level_of_need", need.levelOfNeed.rawValue), ("send", need.hasSEND),
             ("sen_support", need.hasSENSupport), ("valid_from", need.validFrom.iso)])
        try await audit(.create, entity: "need_assessment", entityID: id, personID: personID, detail: "level=\(need.levelOfNeed.rawValue)")
        return id
    }

    @discardableResult
    public func recordIntendedDestination(_ destination: IntendedDestinationRecord, for personID: Int64) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "intended_destination",
            [("person_id", personID), ("code", destination.code.rawValue), ("recorded_on", destination.recordedOn.iso)])
        try await audit(.create, entity: "intended_destination", entityID: id, personID: personID, detail: "code=\(destination.code.rawValue)")
        return id
    }

    @discardableResult
    public func recordGuarantee(_ guarantee: GuaranteeRecord, for personID: Int64) async throws -> Int64 {
        let violations = guarantee.violations()
        guard violations.isEmpty else { throw ValidationFailure(violations) }
        let id = try await insertReturningID(
            into: "september_guarantee",
            [("person_id", personID), ("year_group", guarantee.year.rawValue), ("academic_year", guarantee.academicYear.startYear),
             ("status", guarantee.status.rawValue), ("la_code", guarantee.laCode.code)])
        try await audit(.create, entity: "september_guarantee", entityID: id, personID: personID, detail: "status=\(guarantee.status.rawValue)")
        return id
    }
}

/// Column lists shared by single writes and the bulk loader, so both write the same shape.
enum ActivityColumns {
    static func values(_ activity: ActivityRecord, personID: Int64, organisationID: Int64?) -> [(String, any Encodable & Sendable)] {
        [
            ("person_id", personID), ("code", activity.code.rawValue), ("start_date", activity.startDate.iso),
            ("date_ascertained", activity.dateAscertained.iso), ("date_verified", activity.dateVerified?.iso),
            ("review_date", activity.reviewDate?.iso), ("predicted_end_date", activity.predictedEndDate?.iso),
            ("neet_start_date", activity.neetStartDate?.iso), ("establishment_number", activity.establishmentNumber),
            ("establishment_name", activity.establishmentName), ("ukprn", activity.ukprn), ("organisation_id", organisationID),
        ]
    }
}

enum AddressColumns {
    static func values(_ address: AddressRecord, personID: Int64) -> [(String, any Encodable & Sendable)] {
        func line(_ index: Int) -> String? { index < address.lines.count ? address.lines[index] : nil }
        return [
            ("person_id", personID), ("line1", line(0)), ("line2", line(1)), ("line3", line(2)), ("line4", line(3)),
            ("town", address.town), ("county", address.county), ("postcode", address.postcode), ("ward", address.ward),
            ("valid_from", address.validFrom.iso), ("valid_to", address.validTo?.iso),
        ]
    }
}
