import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// What a school's or college's portal reads: its leavers, its current
/// pupils or students, and where some of them are now. Every list is within
/// the caller's scope and starts from the enrolment history's organisation
/// index, so its cost follows the size of the school, not of the LA.
public struct PortalQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        db = store.sql
    }

    /// Those whose stay at `organisation` ended between `from` and `through`
    /// (both included) and before `today`, by family name. For a school only
    /// the Year 11 roll counts: a leaver is a pupil who finished Year 11 there.
    public func leavers(
        of organisation: Int64, yearElevenOnly: Bool, endedFrom from: CalendarDate, through: CalendarDate, before today: CalendarDate,
        in scope: RecordScope
    ) async throws -> [PortalPupil] {
        let yearGroup: SQLQueryString = yearElevenOnly ? " AND e.year_group = 11" : ""
        let query: SQLQueryString = """
            SELECT p.id, p.given_name, p.family_name, l.left_on, pp.activity_code, pp.lapses_on, pp.academic_age
            FROM (SELECT e.person_id, MAX(e.to_date) AS left_on FROM enrolment e
                  WHERE e.organisation_id = \(bind: organisation)\(yearGroup)
                    AND e.to_date >= \(bind: from.iso) AND e.to_date <= \(bind: through.iso) AND e.to_date < \(bind: today.iso)
                  GROUP BY e.person_id) l
            JOIN young_person p ON p.id = l.person_id
            LEFT JOIN participation_position pp ON pp.person_id = p.id
            WHERE \(scope.condition(on: "p"))
            ORDER BY p.family_name, p.given_name, p.id
            """
        return try await db.raw(query).all().map(Self.decode)
    }

    /// Those on `organisation`'s books today (a stay begun and not ended), by family name.
    public func current(of organisation: Int64, on today: CalendarDate, in scope: RecordScope) async throws -> [PortalPupil] {
        let query: SQLQueryString = """
            SELECT p.id, p.given_name, p.family_name, NULL AS left_on, pp.activity_code, pp.lapses_on, pp.academic_age
            FROM young_person p LEFT JOIN participation_position pp ON pp.person_id = p.id
            WHERE p.id IN (SELECT e.person_id FROM enrolment e WHERE e.organisation_id = \(bind: organisation)
                             AND e.from_date <= \(bind: today.iso) AND (e.to_date IS NULL OR e.to_date >= \(bind: today.iso)))
              AND \(scope.condition(on: "p"))
            ORDER BY p.family_name, p.given_name, p.id
            """
        return try await db.raw(query).all().map(Self.decode)
    }

    /// One young person as the portal reads them, if in scope.
    public func pupil(_ id: Int64, in scope: RecordScope) async throws -> PortalPupil? {
        let query: SQLQueryString = """
            SELECT p.id, p.given_name, p.family_name, NULL AS left_on, pp.activity_code, pp.lapses_on, pp.academic_age
            FROM young_person p LEFT JOIN participation_position pp ON pp.person_id = p.id
            WHERE p.id = \(bind: id) AND \(scope.condition(on: "p"))
            """
        return try await db.raw(query).first().map(Self.decode)
    }

    /// The activity current on `today` of each of `people` that has one, with
    /// where it is: one read for a page of people.
    public func placements(of people: [Int64], on today: CalendarDate) async throws -> [Int64: PortalPlacement] {
        var found: [Int64: PortalPlacement] = [:]
        for chunk in people.chunked(into: 500) where !chunk.isEmpty {
            let rows = try await db.select()
                .columns(["person_id", "code", "start_date", "establishment_name"].map { SQLColumn($0, table: "a") })
                .column(SQLColumn("name", table: "o"), as: "organisation")
                .from(SQLAlias(SQLIdentifier("activity"), as: SQLIdentifier("a")))
                .join(SQLAlias(SQLIdentifier("organisation"), as: SQLIdentifier("o")), method: SQLJoinMethod.left,
                      on: SQLColumn("id", table: "o"), .equal, SQLColumn("organisation_id", table: "a"))
                .where(SQLColumn("person_id", table: "a"), .in, SQLBind.group(chunk))
                .where(SQLColumn("start_date", table: "a"), .lessThanOrEqual, SQLBind(today.iso))
                .orderBy(SQLColumn("person_id", table: "a")).orderBy(SQLColumn("start_date", table: "a")).orderBy(SQLColumn("id", table: "a"))
                .all()
            // The current activity is the one that started last (ActivityHistory.current): later rows replace earlier.
            for row in rows {
                guard let code = ActivityCode(rawValue: try row.decode(column: "code", as: Int.self)),
                    let start = try? CalendarDate(iso: row.decode(column: "start_date", as: String.self))
                else { continue }
                let provider = try row.decode(column: "organisation", as: String?.self) ?? row.decode(column: "establishment_name", as: String?.self)
                found[try row.decode(column: "person_id", as: Int64.self)] = PortalPlacement(code: code, provider: provider, startDate: start)
            }
        }
        return found
    }

    static func decode(_ row: any SQLRow) throws -> PortalPupil {
        func date(_ column: String) throws -> CalendarDate? {
            try row.decode(column: column, as: String?.self).flatMap { try? CalendarDate(iso: $0) }
        }
        return PortalPupil(
            id: try row.decode(column: "id", as: Int64.self), givenName: try row.decode(column: "given_name", as: String.self),
            familyName: try row.decode(column: "family_name", as: String.self), leftOn: try date("left_on"),
            activityCode: try row.decode(column: "activity_code", as: Int?.self).flatMap(ActivityCode.init(rawValue:)),
            lapsesOn: try date("lapses_on"), academicAge: try row.decode(column: "academic_age", as: Int?.self))
    }
}
