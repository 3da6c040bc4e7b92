import SQLKit
public import WaymarkCore

extension ChangeTransaction {
    /// Records what a school reported about a pupil, with this change's
    /// provenance; `organisationID` is the reporting school when known. The
    /// audit names the kind, never the value.
    @discardableResult
    public func recordSchoolFact(_ fact: SchoolFact, for personID: Int64, organisationID: Int64?) async throws -> Int64 {
        let id = try await insertReturningID(into: "school_fact", SchoolFactColumns.values(fact, personID: personID, organisationID: organisationID))
        try await audit(.create, entity: "school_fact", entityID: id, personID: personID, detail: "kind=\(fact.kind.rawValue)")
        return id
    }

    /// How many times the record holds this very fact (same kind, day, value and code): a file sent twice records it once.
    public func countSchoolFacts(_ fact: SchoolFact, for personID: Int64) async throws -> Int {
        var query = db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("school_fact")
            .where("person_id", .equal, personID).where("kind", .equal, fact.kind.rawValue).where("fact_date", .equal, fact.date.iso)
        query = fact.value.map { query.where("value_number", .equal, $0) } ?? query.where("value_number", .is, SQLLiteral.null)
        query = fact.code.map { query.where("value_code", .equal, $0) } ?? query.where("value_code", .is, SQLLiteral.null)
        return try await query.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Whether a characteristic with this code holds today (no end date).
    public func holdsCurrentCharacteristic(_ code: CharacteristicCode, for personID: Int64) async throws -> Bool {
        try await db.select().column("id").from("characteristic").where("person_id", .equal, personID).where("code", .equal, code.rawValue)
            .where("end_date", .is, SQLLiteral.null).limit(1).first() != nil
    }
}

/// The columns of a `school_fact` row, shared by single writes and the bulk loader.
enum SchoolFactColumns {
    static let names = ["person_id", "kind", "fact_date", "end_date", "value_number", "value_code", "organisation_id"]

    static func values(_ fact: SchoolFact, personID: Int64, organisationID: Int64?) -> [(String, any Encodable & Sendable)] {
        [
            ("person_id", personID), ("kind", fact.kind.rawValue), ("fact_date", fact.date.iso), ("end_date", fact.endDate?.iso),
            ("value_number", fact.value), ("value_code", fact.code), ("organisation_id", organisationID),
        ]
    }
}
