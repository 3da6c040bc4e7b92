import SQLKit
import WaymarkCore
import WaymarkMatching
import WaymarkRecords

/// Rows for each table, gathered from a batch of people and written with as
/// few statements as the engines' bind limits allow.
struct BulkTables {
    /// Both engines accept at least 32,766 bound values per statement.
    static let maxBindsPerStatement = 30_000

    let provenance: [(any Encodable & Sendable)?]
    var tables: [(name: String, columns: [String], rows: [[(any Encodable & Sendable)?]])] = []
    /// Search keys are derived, not facts: they carry no provenance.
    var nameKeys: [(family: String, given: String, personID: Int64)] = []

    init(provenance: [(any Encodable & Sendable)?]) {
        self.provenance = provenance
        tables = [
            ("young_person", Self.personColumns, []),
            ("address", Self.names(AddressColumns.values(Self.placeholderAddress, personID: 0)), []),
            ("contact_detail", ["person_id", "kind", "value", "valid_from", "valid_to"], []),
            ("activity", Self.names(ActivityColumns.values(Self.placeholderActivity, personID: 0, organisationID: nil)), []),
            ("characteristic", ["person_id", "code", "start_date", "end_date"], []),
            ("need_assessment", ["person_id", "level_of_need", "send", "sen_support", "valid_from"], []),
            ("intended_destination", ["person_id", "code", "recorded_on"], []),
            ("september_guarantee", ["person_id", "year_group", "academic_year", "status", "la_code"], []),
            ("person_alias", ["person_id", "given_name", "family_name", "kind"], []),
            ("enrolment", EnrolmentColumns.names, []),
            ("school_fact", SchoolFactColumns.names, []),
        ]
    }

    mutating func add(_ entry: BulkPerson) {
        let id = entry.id
        let identity = entry.person.identity
        let person = entry.person
        append(0, [
            id, identity.givenName, identity.middleNames, identity.familyName, identity.preferredName, identity.dateOfBirth.iso,
            identity.gender.rawValue, identity.ethnicity.rawValue, identity.upn, identity.uln, person.cohortStatus.rawValue,
            person.responsibleLA.code, person.educatedLA.code, person.laCodeAtYear11?.code, person.transferredToLA?.code, person.schoolID,
            person.cohortStatusSince?.iso,
        ])
        for address in entry.addresses { append(1, AddressColumns.values(address, personID: id).map(\.1)) }
        for detail in entry.contactDetails {
            append(2, [id, detail.kind.rawValue, detail.value, detail.validFrom.iso, detail.validTo?.iso])
        }
        for activity in entry.activities {
            append(3, ActivityColumns.values(activity.record, personID: id, organisationID: activity.organisationID).map(\.1))
        }
        for characteristic in entry.characteristics {
            append(4, [id, characteristic.code.rawValue, characteristic.startDate.iso, characteristic.endDate?.iso])
        }
        for need in entry.needs {
            append(5, [id, need.levelOfNeed.rawValue, need.hasSEND, need.hasSENSupport, need.validFrom.iso])
        }
        if let destination = entry.intendedDestination {
            append(6, [id, destination.code.rawValue, destination.recordedOn.iso])
        }
        for guarantee in entry.guarantees {
            var row: [(any Encodable & Sendable)?] = [id, guarantee.year.rawValue, guarantee.academicYear.startYear, guarantee.status.rawValue, guarantee.laCode.code] + provenance
            // A guarantee brought with its own day (a school's file, the generator) keeps it, at noon so the UK day is that day.
            if let day = guarantee.recordedOn { row[row.count - 1] = day.iso + "T12:00:00Z" }
            tables[7].rows.append(row)
        }
        for alias in entry.aliases {
            append(8, [id, alias.givenName, alias.familyName, alias.kind])
        }
        for enrolment in entry.enrolments {
            append(9, EnrolmentColumns.values(enrolment, personID: id))
        }
        for fact in entry.schoolFacts {
            append(10, SchoolFactColumns.values(fact, personID: id, organisationID: nil).map(\.1))
        }
        for key in entry.nameKeys { nameKeys.append((key.family, key.given, id)) }
    }

    private mutating func append(_ table: Int, _ values: [(any Encodable & Sendable)?]) {
        tables[table].rows.append(values + provenance)
    }

    /// Writes every table in dependency order; returns the number of rows written.
    func write(on db: any SQLDatabase) async throws -> Int {
        var written = 0
        for table in tables where !table.rows.isEmpty {
            let columns = table.columns + ["source", "recorded_by", "recorded_at"]
            let rowsPerStatement = max(1, Self.maxBindsPerStatement / columns.count)
            var start = 0
            while start < table.rows.count {
                let end = min(start + rowsPerStatement, table.rows.count)
                var insert = db.insert(into: table.name).columns(columns)
                for row in table.rows[start..<end] {
                    insert = insert.values(row.map { value -> any SQLExpression in value.map { SQLBind($0) } ?? SQLLiteral.null })
                }
                try await insert.run()
                start = end
            }
            written += table.rows.count
        }
        // Keys are derived, not loaded data: they stay out of the rows/s figure.
        try await writeNameKeys(on: db)
        return written
    }

    /// Sorted, so each statement walks the key index in order rather than jumping about it.
    private func writeNameKeys(on db: any SQLDatabase) async throws {
        let keys = nameKeys.sorted { ($0.family, $0.given, $0.personID) < ($1.family, $1.given, $1.personID) }
        let rowsPerStatement = Self.maxBindsPerStatement / PersonNameKeys.columns.count
        for start in stride(from: 0, to: keys.count, by: rowsPerStatement) {
            var insert = db.insert(into: "person_name_key").columns(PersonNameKeys.columns)
            for (family, given, id) in keys[start..<min(start + rowsPerStatement, keys.count)] {
                insert = insert.values(SQLBind(family), SQLBind(given), SQLBind(id))
            }
            try await insert.run()
        }
    }

    static let personColumns = [
        "id", "given_name", "middle_names", "family_name", "preferred_name", "date_of_birth", "gender", "ethnicity", "upn", "uln",
        "cohort_status", "responsible_la", "educated_la", "la_code_at_year_11", "transferred_to_la", "school_id", "cohort_status_since",
    ]

    static func names(_ values: [(String, any Encodable & Sendable)]) -> [String] { values.map(\.0) }

    static let placeholderActivity = ActivityRecord(code: .notKnown, startDate: CalendarDate(dayNumber: 0), dateAscertained: CalendarDate(dayNumber: 0))
    static let placeholderAddress = AddressRecord(lines: [], town: nil, county: nil, postcode: "", ward: nil, validFrom: CalendarDate(dayNumber: 0))
}
