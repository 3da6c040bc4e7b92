import SQLKit
import WaymarkCore
public import WaymarkRecords

/// Reads the known-to register and the lead professional.
public struct KnownToQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        db = store.sql
    }

    /// Everyone involved with `person`, open ones first, then newest.
    public func involvements(of person: Int64) async throws -> [StoredInvolvement] {
        try await db.raw("""
            SELECT i.id, i.person_id, i.organisation_id, o.name AS organisation_name, o.kind AS organisation_kind, i.worker_user_id,
              COALESCE(u.display_name, i.worker_name) AS worker_name, i.worker_role, i.from_date, i.to_date, i.referral_id
            FROM involvement i JOIN organisation o ON o.id = i.organisation_id LEFT JOIN app_user u ON u.id = i.worker_user_id
            WHERE i.person_id = \(bind: person)
            ORDER BY CASE WHEN i.to_date IS NULL THEN 0 ELSE 1 END, i.from_date DESC, i.id DESC
            """).all().map(Self.decode)
    }

    /// The young people an organisation is involved with now.
    public func openInvolvements(of organisationID: Int64, limit: Int = 500) async throws -> [StoredInvolvement] {
        try await db.raw("""
            SELECT i.id, i.person_id, i.organisation_id, o.name AS organisation_name, o.kind AS organisation_kind, i.worker_user_id,
              COALESCE(u.display_name, i.worker_name) AS worker_name, i.worker_role, i.from_date, i.to_date, i.referral_id
            FROM involvement i JOIN organisation o ON o.id = i.organisation_id LEFT JOIN app_user u ON u.id = i.worker_user_id
            WHERE i.organisation_id = \(bind: organisationID) AND i.to_date IS NULL
            ORDER BY i.from_date DESC, i.id DESC LIMIT \(bind: limit)
            """).all().map(Self.decode)
    }

    /// How many involvements with `person` are open: a record cannot be closed while any are.
    public func openCount(of person: Int64) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("involvement")
            .where("person_id", .equal, person).where("to_date", .is, SQLLiteral.null).first(decodingColumn: "n", as: Int.self) ?? 0
    }

    public func leadProfessional(of person: Int64) async throws -> StoredLeadProfessional? {
        try await db.raw("""
            SELECT l.id, l.user_id, u.display_name, l.organisation_id, o.name AS organisation_name, l.from_date, l.agreed
            FROM lead_professional l JOIN app_user u ON u.id = l.user_id JOIN organisation o ON o.id = l.organisation_id
            WHERE l.person_id = \(bind: person) AND l.to_date IS NULL ORDER BY l.id DESC LIMIT 1
            """).first().map { row in
            StoredLeadProfessional(
                id: try row.decode(column: "id", as: Int64.self), userID: try row.decode(column: "user_id", as: Int64.self),
                userName: try row.decode(column: "display_name", as: String.self), organisationID: try row.decode(column: "organisation_id", as: Int64.self),
                organisationName: try row.decode(column: "organisation_name", as: String.self),
                from: try ReferralColumnValues.date(row, "from_date", table: "lead_professional"), agreed: try row.decode(column: "agreed", as: String.self))
        }
    }

    static func decode(_ row: any SQLRow) throws -> StoredInvolvement {
        StoredInvolvement(
            id: try row.decode(column: "id", as: Int64.self), personID: try row.decode(column: "person_id", as: Int64.self),
            organisationID: try row.decode(column: "organisation_id", as: Int64.self),
            organisationName: try row.decode(column: "organisation_name", as: String.self),
            organisationKind: try ReferralColumnValues.code(row, "organisation_kind", table: "organisation"),
            workerUserID: try row.decode(column: "worker_user_id", as: Int64?.self), workerName: try row.decode(column: "worker_name", as: String?.self),
            workerRole: try row.decode(column: "worker_role", as: String.self), from: try ReferralColumnValues.date(row, "from_date", table: "involvement"),
            to: try ReferralColumnValues.optionalDate(row, "to_date", table: "involvement"), referralID: try row.decode(column: "referral_id", as: Int64?.self))
    }
}
