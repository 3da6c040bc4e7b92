import SQLKit
import WaymarkCore

/// A contact with a young person, as recorded.
public struct StoredContact: Sendable, Equatable {
    public let id: Int64
    public let occurredAt: String
    public let method: String
    public let direction: String
    public let outcome: String
    public let summary: String?
    public let source: String
    public let recordedBy: Int64?
}

/// A phone number or e-mail address with its period, as recorded.
public struct StoredContactDetail: Sendable, Equatable {
    public let detail: ContactDetailRecord
    public let source: String
    public let recordedAt: String
}

/// Contacts and contact details for the young person's record page.
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
                    source: try row.decode(column: "source", as: String.self), recordedBy: try row.decode(column: "recorded_by", as: Int64?.self))
            }
    }

    /// Current ones first, then the history.
    public func contactDetails(of personID: Int64) async throws -> [StoredContactDetail] {
        try await db.select().column("*").from("contact_detail").where("person_id", .equal, personID)
            .orderBy("valid_from", .descending).orderBy("id", .descending)
            .all()
            .map { row in
                let kind = try row.decode(column: "kind", as: String.self)
                guard let parsed = ContactDetailRecord.Kind(rawValue: kind) else {
                    throw StoreError.invalidStoredValue(table: "contact_detail", column: "kind", value: kind)
                }
                return StoredContactDetail(
                    detail: ContactDetailRecord(
                        kind: parsed, value: try row.decode(column: "value", as: String.self),
                        validFrom: try StoredRowDecoding.date(row, "valid_from"), validTo: try StoredRowDecoding.optionalDate(row, "valid_to")),
                    source: try row.decode(column: "source", as: String.self), recordedAt: try row.decode(column: "recorded_at", as: String.self))
            }
            .sorted { ($0.detail.validTo == nil ? 0 : 1) < ($1.detail.validTo == nil ? 0 : 1) }
    }
}
