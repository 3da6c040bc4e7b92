import SQLKit
import WaymarkCore
import WaymarkRecords

/// Turns stored rows back into domain values, refusing anything the domain would refuse.
enum StoredRowDecoding {
    static func person(_ row: any SQLRow, registry: LocalAuthorityRegistry) throws -> StoredPerson {
        let identity = YoungPersonIdentity(
            givenName: try row.decode(column: "given_name", as: String.self),
            middleNames: try row.decode(column: "middle_names", as: String?.self),
            familyName: try row.decode(column: "family_name", as: String.self),
            preferredName: try row.decode(column: "preferred_name", as: String?.self),
            dateOfBirth: try date(row, "date_of_birth"),
            gender: try Gender.parse(row.decode(column: "gender", as: String.self)),
            ethnicity: try Ethnicity.parse(row.decode(column: "ethnicity", as: String.self)),
            upn: try row.decode(column: "upn", as: String?.self),
            uln: try row.decode(column: "uln", as: String?.self))
        func la(_ column: String) throws -> LocalAuthorityCode? {
            try row.decode(column: column, as: String?.self).map { try registry.code($0, field: column) }
        }
        guard let responsible = try la("responsible_la"), let educated = try la("educated_la") else {
            throw StoreError.invalidStoredValue(table: "young_person", column: "responsible_la", value: "NULL")
        }
        let person = NewYoungPerson(
            identity: identity,
            cohortStatus: try CohortStatus.parse(row.decode(column: "cohort_status", as: String.self)),
            responsibleLA: responsible, educatedLA: educated,
            laCodeAtYear11: try la("la_code_at_year_11"), transferredToLA: try la("transferred_to_la"),
            schoolID: try row.decode(column: "school_id", as: Int64?.self))
        return StoredPerson(
            id: try row.decode(column: "id", as: Int64.self), person: person,
            source: try row.decode(column: "source", as: String.self),
            recordedBy: try row.decode(column: "recorded_by", as: Int64?.self),
            recordedAt: try row.decode(column: "recorded_at", as: String.self))
    }

    static func activity(_ row: any SQLRow) throws -> StoredActivity {
        StoredActivity(
            id: try row.decode(column: "id", as: Int64.self),
            activity: try activityRecord(row),
            organisationID: try row.decode(column: "organisation_id", as: Int64?.self),
            source: try row.decode(column: "source", as: String.self),
            recordedBy: try row.decode(column: "recorded_by", as: Int64?.self),
            recordedAt: try row.decode(column: "recorded_at", as: String.self))
    }

    /// An activity already read from `row`, with the row's id and provenance.
    static func provenance(of activity: ActivityRecord, _ row: some StoredColumns) throws -> StoredActivity {
        StoredActivity(
            id: try row.requiredInteger("id", table: "activity"), activity: activity, organisationID: try row.integer("organisation_id"),
            source: try row.requiredText("source", table: "activity"), recordedBy: try row.integer("recorded_by"),
            recordedAt: try row.requiredText("recorded_at", table: "activity"))
    }

    /// The activity columns alone (also used by classification queries that join them in).
    static func activityRecord(_ row: any SQLRow) throws -> ActivityRecord {
        try activityRecord(SQLRowColumns(row: row))
    }

    static func activityRecord(_ row: some StoredColumns) throws -> ActivityRecord {
        ActivityRecord(
            code: try ActivityCode.parse(String(row.requiredInteger("code", table: "activity"))),
            startDate: try date(row, "start_date"),
            dateAscertained: try date(row, "date_ascertained"),
            dateVerified: try optionalDate(row, "date_verified"),
            reviewDate: try optionalDate(row, "review_date"),
            predictedEndDate: try optionalDate(row, "predicted_end_date"),
            neetStartDate: try optionalDate(row, "neet_start_date"),
            establishmentNumber: try row.text("establishment_number"),
            establishmentName: try row.text("establishment_name"),
            ukprn: try row.text("ukprn"))
    }

    static func date(_ row: some StoredColumns, _ column: String) throws -> CalendarDate {
        try CalendarDate(iso: row.requiredText(column, table: "row"), field: column)
    }

    static func optionalDate(_ row: some StoredColumns, _ column: String) throws -> CalendarDate? {
        try row.text(column).map { try CalendarDate(iso: $0, field: column) }
    }

    static func date(_ row: any SQLRow, _ column: String) throws -> CalendarDate {
        try CalendarDate(iso: row.decode(column: column, as: String.self), field: column)
    }

    static func optionalDate(_ row: any SQLRow, _ column: String) throws -> CalendarDate? {
        try row.decode(column: column, as: String?.self).map { try CalendarDate(iso: $0, field: column) }
    }
}

extension StoredRowDecoding {
    static func address(_ row: some StoredColumns) throws -> AddressRecord {
        let lines = try ["line1", "line2", "line3", "line4"].compactMap { try row.text($0) }
        return AddressRecord(
            lines: lines, town: try row.text("town"), county: try row.text("county"),
            postcode: try row.requiredText("postcode", table: "address"), ward: try row.text("ward"),
            validFrom: try date(row, "valid_from"), validTo: try optionalDate(row, "valid_to"))
    }

    static func guarantee(_ row: some StoredColumns, registry: LocalAuthorityRegistry) throws -> GuaranteeRecord {
        let yearGroup = try row.requiredInteger("year_group", table: "september_guarantee")
        guard let year = GuaranteeYear(rawValue: Int(yearGroup)) else {
            throw UnknownCodeError(field: "GuaranteeYear", value: String(yearGroup))
        }
        return GuaranteeRecord(
            year: year, academicYear: AcademicYear(startYear: Int(try row.requiredInteger("academic_year", table: "september_guarantee"))),
            status: try GuaranteeStatus.parse(String(row.requiredInteger("status", table: "september_guarantee"))),
            laCode: try registry.code(row.requiredText("la_code", table: "september_guarantee"), field: "LEACode"),
            recordedOn: try row.text("recorded_at").flatMap(serviceDay))
    }

    /// The UK day of a stored instant ("2026-09-14T10:02:00Z"). The UTC date is the UK one
    /// except in the last hour of a summer day, so only then is the instant parsed in full:
    /// the figures job reads this for every guarantee in the LA.
    static func serviceDay(_ instant: String) -> CalendarDate? {
        guard instant.count >= 13, let day = try? CalendarDate(iso: String(instant.prefix(10))) else { return nil }
        let hour = instant.dropFirst(11).prefix(2)
        guard hour == "23" else { return day }
        return Timestamp.parse(instant).map(ServiceDay.of) ?? day
    }
}
