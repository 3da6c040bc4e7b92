import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// Contacts, contact details, follow-ups and appointments for the young person's record page.
public struct CaseworkQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    /// Newest first.
    public func contacts(of personID: Int64, limit: Int = 100) async throws -> [StoredContact] {
        try await db.select().column("*").from("contact").where("person_id", .equal, personID)
            .orderBy("occurred_at", .descending).orderBy("id", .descending).limit(limit)
            .all()
            .map { row in
                StoredContact(
                    id: try row.decode(column: "id", as: Int64.self), occurredAt: try row.decode(column: "occurred_at", as: String.self),
                    method: try row.decode(column: "method", as: String.self), direction: try row.decode(column: "direction", as: String.self),
                    outcome: try row.decode(column: "outcome", as: String.self), summary: try row.decode(column: "summary", as: String?.self),
                    nextStep: try row.decode(column: "next_step", as: String?.self),
                    source: try row.decode(column: "source", as: String.self), recordedBy: try row.decode(column: "recorded_by", as: Int64?.self))
            }
    }

    /// Current ones first, then the history.
    public func contactDetails(of personID: Int64) async throws -> [StoredContactDetail] {
        // Read directly: nearly every record has contact details, and every record page shows them.
        try await db.storedRows("""
            SELECT kind, value, valid_from, valid_to, source, recorded_at FROM contact_detail
            WHERE person_id = \(bind: personID) ORDER BY valid_from DESC, id DESC
            """)
            .map { row in
                let kind = try row.requiredText("kind", table: "contact_detail")
                guard let parsed = ContactDetailRecord.Kind(rawValue: kind) else {
                    throw StoreError.invalidStoredValue(table: "contact_detail", column: "kind", value: kind)
                }
                return StoredContactDetail(
                    detail: ContactDetailRecord(
                        kind: parsed, value: try row.requiredText("value", table: "contact_detail"),
                        validFrom: try StoredRowDecoding.date(row, "valid_from"), validTo: try StoredRowDecoding.optionalDate(row, "valid_to")),
                    source: try row.requiredText("source", table: "contact_detail"), recordedAt: try row.requiredText("recorded_at", table: "contact_detail"))
            }
            .sorted { ($0.detail.validTo == nil ? 0 : 1) < ($1.detail.validTo == nil ? 0 : 1) }
    }

    /// Open follow-ups, soonest first.
    public func openFollowUps(of personID: Int64) async throws -> [OpenFollowUp] {
        try await db.select().columns("id", "person_id", "due_on", "description").from("follow_up")
            .where("person_id", .equal, personID).where("completed_at", .is, SQLLiteral.null)
            .orderBy("due_on").orderBy("id")
            .all()
            .map { row in
                OpenFollowUp(
                    id: try row.decode(column: "id", as: Int64.self), personID: personID, dueOn: try row.decode(column: "due_on", as: String.self),
                    description: try row.decode(column: "description", as: String.self))
            }
    }

    /// Appointments, latest first.
    public func appointments(of personID: Int64, limit: Int = 20) async throws -> [StoredAppointment] {
        try await db.select().columns("id", "starts_at", "place", "status", "user_id").from("appointment")
            .where("person_id", .equal, personID).orderBy("starts_at", .descending).limit(limit)
            .all()
            .map { row in
                StoredAppointment(
                    id: try row.decode(column: "id", as: Int64.self), startsAt: try row.decode(column: "starts_at", as: String.self),
                    place: try row.decode(column: "place", as: String?.self), status: try row.decode(column: "status", as: String.self),
                    userID: try row.decode(column: "user_id", as: Int64.self))
            }
    }

    /// Display names of the given users, for "who" beside each entry.
    public func userNames(_ ids: Set<Int64>) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var names: [Int64: String] = [:]
        for row in try await db.storedRows("SELECT id, display_name FROM app_user WHERE id IN \(SQLBind.group(ids.sorted()))") {
            names[try row.requiredInteger("id", table: "app_user")] = try row.requiredText("display_name", table: "app_user")
        }
        return names
    }

    /// Characteristics with their row ids (so one can be ended), newest first.
    public func characteristics(of personID: Int64) async throws -> [(id: Int64, record: CharacteristicRecord)] {
        try await db.select().columns("id", "code", "start_date", "end_date").from("characteristic")
            .where("person_id", .equal, personID).orderBy("start_date", .descending).orderBy("id", .descending)
            .all()
            .map { row in
                let code = try row.decode(column: "code", as: Int.self)
                guard let parsed = CharacteristicCode(rawValue: code) else {
                    throw StoreError.invalidStoredValue(table: "characteristic", column: "code", value: String(code))
                }
                return (
                    try row.decode(column: "id", as: Int64.self),
                    CharacteristicRecord(
                        code: parsed, startDate: try StoredRowDecoding.date(row, "start_date"), endDate: try StoredRowDecoding.optionalDate(row, "end_date"))
                )
            }
    }
}
