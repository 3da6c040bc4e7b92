import SQLKit
import WaymarkCore
import WaymarkRecords

/// Fills a batch of people with their histories: one query per table over
/// the batch's id range, rather than one per person.
struct PersonHistoryLoader {
    let db: any SQLDatabase
    let range: ClosedRange<Int64>
    let registry: LocalAuthorityRegistry

    /// With `keepingProvenance`, the activities are also returned as stored
    /// (row id, source, who recorded them and when): the one record a page
    /// shows needs both, and reading the table twice was one query in
    /// sixteen of every record page.
    /// The rows of the batch's people. One person (a record, the API) is asked by equality:
    /// PostgreSQL then keeps one plan for the prepared statement, where a range was
    /// planned afresh on every call (a third of its time on an API read).
    private func ofBatch(_ column: String) -> SQLQueryString {
        range.count == 1
            ? "\(unsafeRaw: column) = \(bind: range.lowerBound)"
            : "\(unsafeRaw: column) BETWEEN \(bind: range.lowerBound) AND \(bind: range.upperBound)"
    }

    @discardableResult
    func fill(_ batch: inout [PersonBundle], keepingProvenance: Bool = false) async throws -> [StoredActivity] {
        var stored: [StoredActivity] = []
        var index: [Int64: Int] = [:]
        for (position, person) in batch.enumerated() { index[person.id] = position }
        func each(_ table: String, order: String, query: SQLQueryString? = nil, _ read: (any StoredColumns, inout PersonBundle) throws -> Void) async throws {
            let rows = try await db.storedRows(query ?? """
                SELECT * FROM \(ident: table) WHERE \(ofBatch("person_id"))
                ORDER BY person_id, \(unsafeRaw: order), id
                """)
            for row in rows {
                let personID = try row.requiredInteger("person_id", table: table)
                guard let position = index[personID] else { continue }
                do {
                    try read(row, &batch[position])
                } catch {
                    let rowID = (try? row.integer("id")) ?? 0
                    batch[position].unreadable.append(UnreadableValue(table: table, rowID: rowID, reason: Self.reason(error)))
                }
            }
        }
        try await each("activity", order: "start_date") { row, person in
            let activity = try StoredRowDecoding.activityRecord(row)
            if keepingProvenance { stored.append(try StoredRowDecoding.provenance(of: activity, row)) }
            person.activities.append(activity)
        }
        // The ward comes from the postcode through the ONS lookup when the LA
        // has loaded one; the ward written on the address is kept for the rest.
        let addresses: SQLQueryString = """
            SELECT a.*, w.name AS lookup_ward FROM address a
            LEFT JOIN ward_postcode wp ON wp.postcode_key = REPLACE(UPPER(a.postcode), ' ', '')
            LEFT JOIN ward w ON w.code = wp.ward_code
            WHERE \(ofBatch("a.person_id"))
            ORDER BY a.person_id, a.valid_from, a.id
            """
        try await each("address", order: "valid_from", query: addresses) { row, person in
            var address = try StoredRowDecoding.address(row)
            if let ward = try row.text("lookup_ward") { address.ward = ward }
            person.addresses.append(address)
        }
        try await each("characteristic", order: "start_date") { row, person in
            person.characteristics.append(
                CharacteristicRecord(
                    code: try CharacteristicCode.parse(String(row.requiredInteger("code", table: "characteristic"))),
                    startDate: try StoredRowDecoding.date(row, "start_date"),
                    endDate: try StoredRowDecoding.optionalDate(row, "end_date")))
        }
        try await each("need_assessment", order: "valid_from") { row, person in
            person.needs.append(
                NeedAssessment(
                    levelOfNeed: try LevelOfNeed.parse(String(row.requiredInteger("level_of_need", table: "need_assessment"))),
                    hasSEND: try row.bool("send") ?? false,
                    hasSENSupport: try row.bool("sen_support") ?? false,
                    validFrom: try StoredRowDecoding.date(row, "valid_from")))
        }
        try await each("intended_destination", order: "recorded_on") { row, person in
            person.intendedDestinations.append(
                IntendedDestinationRecord(
                    code: try IntendedDestination.parse(String(row.requiredInteger("code", table: "intended_destination"))),
                    recordedOn: try StoredRowDecoding.date(row, "recorded_on")))
        }
        try await each("september_guarantee", order: "academic_year") { row, person in
            person.guarantees.append(try StoredRowDecoding.guarantee(row, registry: registry))
        }
        return stored
    }

    /// Names the field and the rule, never the value's owner.
    private static func reason(_ error: any Error) -> String {
        switch error {
        case let unknown as UnknownCodeError: "\(unknown.field) '\(unknown.value)' is not a recognised code"
        case let invalid as InvalidDateError: "\(invalid.field) is not a valid date"
        default: "unreadable (\(type(of: error)))"
        }
    }
}
