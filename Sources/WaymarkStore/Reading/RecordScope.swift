public import SQLKit
public import WaymarkRecords

/// A scope as SQL: the one place that decides which `young_person` rows a scope reaches.
extension RecordScope {
    /// The SQL condition on a `young_person` row aliased `alias`. A person
    /// merged into another is nobody's to see: their history lives on the kept record.
    public func condition(on alias: String) -> any SQLExpression {
        let notMerged = SQLBinaryExpression(SQLColumn("merged_into", table: alias), .is, SQLLiteral.null)
        switch self {
        case .authority(let code):
            return SQLBinaryExpression(SQLBinaryExpression(SQLColumn("responsible_la", table: alias), .equal, SQLBind(code)), .and, notMerged)
        case .establishment(let organisationID, let code):
            return SQLBinaryExpression(
                SQLBinaryExpression(
                    SQLBinaryExpression(SQLColumn("responsible_la", table: alias), .equal, SQLBind(code)), .and,
                    SQLBinaryExpression(SQLColumn("school_id", table: alias), .equal, SQLBind(organisationID))),
                .and, notMerged)
        }
    }
}
