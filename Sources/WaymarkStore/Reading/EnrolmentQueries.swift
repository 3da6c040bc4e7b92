import SQLKit
public import WaymarkCore

/// One spell of a young person's school history, as stored.
public struct StoredEnrolment: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let personID: Int64
    public let organisationID: Int64
    public let kind: EnrolmentKind
    public let yearGroup: Int?
    public let from: CalendarDate
    public let to: CalendarDate?
    public let basis: EnrolmentBasis
    public let source: String

    /// As the reach rule reads it.
    public var spell: EnrolmentSpell { EnrolmentSpell(organisationID: organisationID, yearGroup: yearGroup, from: from, to: to) }

    static func decode(_ row: any SQLRow) throws -> StoredEnrolment {
        func stored<T: RawRepresentable>(_ column: String, as type: T.Type) throws -> T where T.RawValue == String {
            let text = try row.decode(column: column, as: String.self)
            guard let value = T(rawValue: text) else { throw StoreError.invalidStoredValue(table: "enrolment", column: column, value: text) }
            return value
        }
        func date(_ column: String) throws -> CalendarDate? {
            guard let text = try row.decode(column: column, as: String?.self) else { return nil }
            guard let date = try? CalendarDate(iso: text) else { throw StoreError.invalidStoredValue(table: "enrolment", column: column, value: text) }
            return date
        }
        guard let from = try date("from_date") else { throw StoreError.invalidStoredValue(table: "enrolment", column: "from_date", value: "") }
        return StoredEnrolment(
            id: try row.decode(column: "id", as: Int64.self), personID: try row.decode(column: "person_id", as: Int64.self),
            organisationID: try row.decode(column: "organisation_id", as: Int64.self), kind: try stored("kind", as: EnrolmentKind.self),
            yearGroup: try row.decode(column: "year_group", as: Int?.self), from: from, to: try date("to_date"),
            basis: try stored("basis", as: EnrolmentBasis.self), source: try row.decode(column: "source", as: String.self))
    }

    static func all(of personID: Int64, on db: any SQLDatabase) async throws -> [StoredEnrolment] {
        try await db.select().columns("id", "person_id", "organisation_id", "kind", "year_group", "from_date", "to_date", "basis", "source")
            .from("enrolment").where("person_id", .equal, personID).orderBy("from_date").orderBy("id").all().map(decode)
    }
}

/// Reads the school history.
public struct EnrolmentQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    /// A young person's spells, earliest first.
    public func history(of personID: Int64) async throws -> [StoredEnrolment] {
        try await StoredEnrolment.all(of: personID, on: db)
    }
}
