public import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// A scope as SQL: the one place that decides which `young_person` rows a scope reaches.
extension RecordScope {
    /// The SQL condition on a `young_person` row aliased `alias`. A person
    /// merged into another is nobody's to see: their history lives on the kept record.
    public func condition(on alias: String) -> any SQLExpression {
        let inLA = SQLBinaryExpression(SQLColumn("responsible_la", table: alias), .equal, SQLBind(laCode))
        let notMerged = SQLBinaryExpression(SQLColumn("merged_into", table: alias), .is, SQLLiteral.null)
        let notAnonymised = SQLBinaryExpression(SQLColumn("anonymised_on", table: alias), .is, SQLLiteral.null)
        let base = SQLBinaryExpression(SQLBinaryExpression(inLA, .and, notMerged), .and, notAnonymised)
        switch self {
        case .authority:
            return base
        case .establishment(let reach, _):
            return SQLBinaryExpression(base, .and, Self.reached(by: reach, person: SQLColumn("id", table: alias)))
        }
    }

    /// An EXISTS over the enrolment history, probing the (person, organisation)
    /// index; the day and the window come from the caller, never a clock.
    static func reached(by reach: EstablishmentReach, person: SQLColumn) -> any SQLExpression {
        let organisation = reach.organisationID
        let today = reach.today.iso
        let since = reach.endedNoEarlierThan.iso
        switch reach.rule {
        case .nobody:
            return SQLRaw("1 = 0")
        case .enrolment:
            return SQLQueryString("""
                EXISTS (SELECT 1 FROM enrolment scope_e WHERE scope_e.person_id = \(person) AND scope_e.organisation_id = \(bind: organisation)
                  AND scope_e.from_date <= \(bind: today) AND (scope_e.to_date IS NULL OR scope_e.to_date >= \(bind: since)))
                """)
        case .schoolRoll:
            // On the roll today; or left within the window, having been on the roll in Year 11.
            return SQLQueryString("""
                EXISTS (SELECT 1 FROM enrolment scope_e WHERE scope_e.person_id = \(person) AND scope_e.organisation_id = \(bind: organisation)
                  AND scope_e.from_date <= \(bind: today)
                  AND (scope_e.to_date IS NULL OR scope_e.to_date >= \(bind: today)
                    OR (scope_e.to_date >= \(bind: since) AND EXISTS (SELECT 1 FROM enrolment scope_y WHERE scope_y.person_id = \(person)
                      AND scope_y.organisation_id = \(bind: organisation) AND scope_y.year_group = 11))))
                """)
        }
    }
}
