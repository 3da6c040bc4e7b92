public import SQLKit

/// Which young people a user's organisation may see. Every query that lists or
/// opens records takes one, so scoping is never left to the page.
public enum RecordScope: Sendable, Equatable, Codable {
    /// Everyone the local authority is responsible for.
    case authority(laCode: String)
    /// The pupils or students of one school or college, within its LA's records.
    case establishment(organisationID: Int64, laCode: String)

    public var laCode: String {
        switch self {
        case .authority(let code), .establishment(_, let code): code
        }
    }

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
