import SQLKit
public import WaymarkMatching
public import WaymarkRecords

/// Everyone in scope as the linkage engine reads them: names, date of birth,
/// gender, current postcode, UPN, ULN and school, keyed by person id.
public struct LinkageRecordsQuery: Sendable {
    let db: any SQLDatabase
    static let batchSize = 20_000

    public init(store: Store) {
        self.db = store.sql
    }

    public func records(in scope: RecordScope) async throws -> [LinkageRecord] {
        var records: [LinkageRecord] = []
        var after: Int64 = 0
        while true {
            let rows = try await Self.select(db, scope: scope).where(SQLColumn("id", table: "p"), .greaterThan, SQLBind(after))
                .orderBy(SQLColumn("id", table: "p")).limit(Self.batchSize).all()
            for row in rows {
                let record = try Self.record(row)
                records.append(record)
                after = Int64(record.recordID) ?? after
            }
            if rows.count < Self.batchSize { return records }
        }
    }

    /// Young people in scope with the columns linkage compares; callers add their own conditions.
    static func select(_ db: any SQLDatabase, scope: RecordScope) -> SQLSelectBuilder {
        db.select()
            .column(SQLColumn("id", table: "p")).column(SQLColumn("given_name", table: "p")).column(SQLColumn("middle_names", table: "p"))
            .column(SQLColumn("family_name", table: "p")).column(SQLColumn("date_of_birth", table: "p")).column(SQLColumn("gender", table: "p"))
            .column(SQLColumn("upn", table: "p")).column(SQLColumn("uln", table: "p"))
            .column(SQLAlias(SQLColumn("name", table: "o"), as: SQLIdentifier("school")))
            .column(SQLAlias(SQLRaw("(SELECT a.postcode FROM address a WHERE a.person_id = p.id AND a.valid_to IS NULL ORDER BY a.valid_from DESC, a.id DESC LIMIT 1)"),
                             as: SQLIdentifier("postcode")))
            .from(SQLAlias(SQLIdentifier("young_person"), as: SQLIdentifier("p")))
            .join(SQLAlias(SQLIdentifier("organisation"), as: SQLIdentifier("o")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "o"), .equal, SQLColumn("school_id", table: "p"))
            .where(scope.condition(on: "p"))
    }

    static func record(_ row: any SQLRow) throws -> LinkageRecord {
        LinkageRecord(
            recordID: String(try row.decode(column: "id", as: Int64.self)), givenName: try row.decode(column: "given_name", as: String?.self),
            middleNames: try row.decode(column: "middle_names", as: String?.self), familyName: try row.decode(column: "family_name", as: String?.self),
            dateOfBirth: try row.decode(column: "date_of_birth", as: String?.self).flatMap(BirthDate.init(iso:)),
            gender: try row.decode(column: "gender", as: String?.self), postcode: try row.decode(column: "postcode", as: String?.self),
            upn: try row.decode(column: "upn", as: String?.self), uln: try row.decode(column: "uln", as: String?.self),
            school: try row.decode(column: "school", as: String?.self))
    }
}
