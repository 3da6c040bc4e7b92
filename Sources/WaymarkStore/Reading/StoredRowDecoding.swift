import SQLKit
import WaymarkCore

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

    /// The activity columns alone (also used by classification queries that join them in).
    static func activityRecord(_ row: any SQLRow) throws -> ActivityRecord {
        ActivityRecord(
            code: try ActivityCode.parse(String(row.decode(column: "code", as: Int.self))),
            startDate: try date(row, "start_date"),
            dateAscertained: try date(row, "date_ascertained"),
            dateVerified: try optionalDate(row, "date_verified"),
            reviewDate: try optionalDate(row, "review_date"),
            predictedEndDate: try optionalDate(row, "predicted_end_date"),
            neetStartDate: try optionalDate(row, "neet_start_date"),
            establishmentNumber: try row.decode(column: "establishment_number", as: String?.self),
            establishmentName: try row.decode(column: "establishment_name", as: String?.self),
            ukprn: try row.decode(column: "ukprn", as: String?.self))
    }

    static func date(_ row: any SQLRow, _ column: String) throws -> CalendarDate {
        try CalendarDate(iso: row.decode(column: column, as: String.self), field: column)
    }

    static func optionalDate(_ row: any SQLRow, _ column: String) throws -> CalendarDate? {
        try row.decode(column: column, as: String?.self).map { try CalendarDate(iso: $0, field: column) }
    }
}

extension StoredRowDecoding {
    static func address(_ row: any SQLRow) throws -> AddressRecord {
        let lines = try ["line1", "line2", "line3", "line4"].compactMap { try row.decode(column: $0, as: String?.self) }
        return AddressRecord(
            lines: lines, town: try row.decode(column: "town", as: String?.self), county: try row.decode(column: "county", as: String?.self),
            postcode: try row.decode(column: "postcode", as: String.self), ward: try row.decode(column: "ward", as: String?.self),
            validFrom: try date(row, "valid_from"), validTo: try optionalDate(row, "valid_to"))
    }

    static func guarantee(_ row: any SQLRow, registry: LocalAuthorityRegistry) throws -> GuaranteeRecord {
        let yearGroup = try row.decode(column: "year_group", as: Int.self)
        guard let year = GuaranteeYear(rawValue: yearGroup) else {
            throw UnknownCodeError(field: "GuaranteeYear", value: String(yearGroup))
        }
        return GuaranteeRecord(
            year: year, academicYear: AcademicYear(startYear: try row.decode(column: "academic_year", as: Int.self)),
            status: try GuaranteeStatus.parse(String(row.decode(column: "status", as: Int.self))),
            laCode: try registry.code(row.decode(column: "la_code", as: String.self), field: "LEACode"))
    }
}
