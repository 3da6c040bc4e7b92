import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// Reads a young person and their history.
public struct PersonQueries: Sendable {
    let db: any SQLDatabase
    let registry: LocalAuthorityRegistry

    public init(store: Store, registry: LocalAuthorityRegistry) {
        self.db = store.sql
        self.registry = registry
    }

    public func person(_ id: Int64) async throws -> StoredPerson? {
        guard let row = try await db.select().column("*").from("young_person").where("id", .equal, id).first() else { return nil }
        return try StoredRowDecoding.person(row, registry: registry)
    }

    /// The activity history, oldest first.
    public func activities(of personID: Int64) async throws -> [StoredActivity] {
        try await db.select().column("*").from("activity")
            .where("person_id", .equal, personID)
            .orderBy("start_date").orderBy("id")
            .all()
            .map(StoredRowDecoding.activity)
    }

    public func count(table: CountableTable, personID: Int64? = nil) async throws -> Int {
        var query = db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table.rawValue)
        if let personID { query = query.where("person_id", .equal, personID) }
        return try await query.first(decodingColumn: "n", as: Int.self) ?? 0
    }
}

/// Tables whose rows can be counted through ``PersonQueries/count(table:personID:)``.
public enum CountableTable: String, Sendable, CaseIterable {
    case youngPerson = "young_person"
    case activity, address, characteristic
    case contactDetail = "contact_detail"
    case needAssessment = "need_assessment"
    case intendedDestination = "intended_destination"
    case septemberGuarantee = "september_guarantee"
    case contact, note, organisation
    case auditEvent = "audit_event"
    case appUser = "app_user"
}
