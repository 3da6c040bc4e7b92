import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// A young person's parents, carers and professionals, and the corrections
/// made to their name or date of birth.
public struct PersonContactQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    /// Current contacts first (in the order they were added), then the ended ones, latest ended first.
    public func contacts(of personID: Int64) async throws -> [StoredPersonContact] {
        try await db.select().column("*").from("person_contact").where("person_id", .equal, personID).orderBy("id")
            .all()
            .map(Self.contact)
            .sorted { left, right in
                switch (left.endedOn, right.endedOn) {
                case (nil, nil): left.id < right.id
                case (nil, _): true
                case (_, nil): false
                case (let l?, let r?): l != r ? l > r : left.id > right.id
                }
            }
    }

    /// Newest first.
    public func corrections(of personID: Int64) async throws -> [StoredCorrection] {
        try await db.select().column("*").from("identity_correction").where("person_id", .equal, personID)
            .orderBy("id", .descending)
            .all()
            .map { row in
                let field = try row.decode(column: "field", as: String.self)
                let reason = try row.decode(column: "reason", as: String.self)
                guard let parsedField = CorrectedField(rawValue: field) else {
                    throw StoreError.invalidStoredValue(table: "identity_correction", column: "field", value: field)
                }
                guard let parsedReason = CorrectionReason(rawValue: reason) else {
                    throw StoreError.invalidStoredValue(table: "identity_correction", column: "reason", value: reason)
                }
                return StoredCorrection(
                    id: try row.decode(column: "id", as: Int64.self), field: parsedField, oldValue: try row.decode(column: "old_value", as: String.self),
                    newValue: try row.decode(column: "new_value", as: String.self), reason: parsedReason,
                    explanation: try row.decode(column: "explanation", as: String?.self), recordedBy: try row.decode(column: "recorded_by", as: Int64?.self),
                    recordedAt: try row.decode(column: "recorded_at", as: String.self))
            }
    }

    private static func contact(_ row: any SQLRow) throws -> StoredPersonContact {
        let relationship = try row.decode(column: "relationship", as: String.self)
        guard let parsed = ContactRelationship(rawValue: relationship) else {
            throw StoreError.invalidStoredValue(table: "person_contact", column: "relationship", value: relationship)
        }
        let details = PersonContactDetails(
            name: try row.decode(column: "name", as: String.self), relationship: parsed,
            organisation: try row.decode(column: "organisation", as: String?.self), phone: try row.decode(column: "phone", as: String?.self),
            email: try row.decode(column: "email", as: String?.self), address: try row.decode(column: "address", as: String?.self),
            livesWithYoungPerson: try row.decode(column: "lives_with", as: Bool.self),
            hasParentalResponsibility: try row.decode(column: "parental_responsibility", as: Bool.self),
            youngPersonAgreesToContact: try row.decode(column: "agrees_to_contact", as: Bool.self), notes: try row.decode(column: "notes", as: String?.self))
        return StoredPersonContact(
            id: try row.decode(column: "id", as: Int64.self), personID: try row.decode(column: "person_id", as: Int64.self), details: details,
            startedOn: try StoredRowDecoding.date(row, "started_on"), endedOn: try StoredRowDecoding.optionalDate(row, "ended_on"),
            source: try row.decode(column: "source", as: String.self), recordedBy: try row.decode(column: "recorded_by", as: Int64?.self),
            recordedAt: try row.decode(column: "recorded_at", as: String.self))
    }
}
