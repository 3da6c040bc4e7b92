import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// Campaigns and their members as the pages show them.
public struct CampaignQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    public func campaigns() async throws -> [StoredCampaign] {
        try await db.select().column("*").from("campaign").orderBy("id", .descending).limit(500).all().map(StoredCampaign.decode)
    }

    public func campaign(_ id: Int64) async throws -> StoredCampaign? {
        try await db.select().column("*").from("campaign").where("id", .equal, id).first().map(StoredCampaign.decode)
    }

    /// Members with name and message state, in the order lists are worked (by name; visit lists re-sort by postcode).
    public func members(of campaignID: Int64) async throws -> [CampaignMemberRow] {
        try await db.raw("""
            SELECT m.id, m.person_id, p.given_name, p.family_name, p.date_of_birth, m.included, m.reason, m.outbox_message_id,
                   o.status AS message_status, m.outcome, m.outcome_at, m.responded_at
            FROM campaign_member m
            JOIN young_person p ON p.id = m.person_id
            LEFT JOIN outbox_message o ON o.id = m.outbox_message_id
            WHERE m.campaign_id = \(bind: campaignID)
            ORDER BY p.family_name, p.given_name, m.id
            """).all().map(Self.decodeMember)
    }

    public func member(_ id: Int64) async throws -> (campaignID: Int64, personID: Int64)? {
        guard let row = try await db.select().columns("campaign_id", "person_id").from("campaign_member").where("id", .equal, id).first() else { return nil }
        return (try row.decode(column: "campaign_id", as: Int64.self), try row.decode(column: "person_id", as: Int64.self))
    }

    /// The campaign member an outbox message was sent for; the self-service link names the member.
    public func memberID(forMessage messageID: Int64) async throws -> Int64? {
        try await db.select().column("id").from("campaign_member").where("outbox_message_id", .equal, messageID).first()?
            .decode(column: "id", as: Int64.self)
    }

    /// Characteristic codes current on the day for each person, for grouping the report.
    public func characteristics(of personIDs: [Int64], on date: CalendarDate) async throws -> [Int64: [Int]] {
        var codes: [Int64: [Int]] = [:]
        for batch in personIDs.chunked(into: 500) {
            let rows = try await db.select().columns("person_id", "code").from("characteristic")
                .where("person_id", .in, batch).where("start_date", .lessThanOrEqual, date.iso)
                .where(ContactFactsQuery.open("end_date", after: date)).all()
            for row in rows { codes[try row.decode(column: "person_id", as: Int64.self), default: []].append(try row.decode(column: "code", as: Int.self)) }
        }
        return codes
    }

    static func decodeMember(_ row: any SQLRow) throws -> CampaignMemberRow {
        CampaignMemberRow(
            id: try row.decode(column: "id", as: Int64.self), personID: try row.decode(column: "person_id", as: Int64.self),
            givenName: try row.decode(column: "given_name", as: String.self), familyName: try row.decode(column: "family_name", as: String.self),
            dateOfBirth: try row.decode(column: "date_of_birth", as: String.self), included: try row.decode(column: "included", as: Bool.self),
            reason: try row.decode(column: "reason", as: String?.self), outboxMessageID: try row.decode(column: "outbox_message_id", as: Int64?.self),
            messageStatus: try row.decode(column: "message_status", as: String?.self), outcome: try row.decode(column: "outcome", as: String?.self),
            outcomeAt: try row.decode(column: "outcome_at", as: String?.self), respondedAt: try row.decode(column: "responded_at", as: String?.self))
    }
}
