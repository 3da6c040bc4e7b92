import SQLKit
public import WaymarkCore

/// Where a spell in the school history is known from.
public enum EnrolmentBasis: String, Sendable, Codable {
    /// The organisation's own list: a school's file or CTF, a college's
    /// enrolments, or the school a record was made with.
    case roll
    /// An activity at the organisation; the next activity ends it.
    case activity
}

/// A spell on a school's roll, at a college or with a training provider.
public struct NewEnrolment: Sendable, Equatable {
    public var organisationID: Int64
    public var kind: EnrolmentKind
    /// National curriculum year, where known (a Year 11 list says 11).
    public var yearGroup: Int?
    public var from: CalendarDate
    /// The last day; nil while it lasts.
    public var to: CalendarDate?
    public var basis: EnrolmentBasis

    public init(organisationID: Int64, kind: EnrolmentKind, yearGroup: Int? = nil, from: CalendarDate, to: CalendarDate?, basis: EnrolmentBasis = .roll) {
        self.organisationID = organisationID
        self.kind = kind
        self.yearGroup = yearGroup
        self.from = from
        self.to = to
        self.basis = basis
    }

    /// A school's file says a pupil is on its roll: from the day it was read
    /// to the end of that academic year, because a roll is a year's list and
    /// next year's file says whether they are still there.
    public static func onRoll(of organisationID: Int64, kind: EnrolmentKind, yearGroup: Int?, reportedOn day: CalendarDate) -> NewEnrolment {
        NewEnrolment(organisationID: organisationID, kind: kind, yearGroup: yearGroup, from: day, to: AcademicYear(containing: day).lastDay)
    }

    func overlaps(_ other: StoredEnrolment) -> Bool {
        (other.to.map { $0 >= from } ?? true) && (to.map { other.from <= $0 } ?? true)
    }

    func violations() -> [RuleViolation] {
        guard let to, to < from else { return [] }
        return [RuleViolation(field: "to_date", rule: "enrolment-dates", message: "An enrolment cannot end (\(to.iso)) before it starts (\(from.iso))")]
    }
}

/// The column list single writes, the bulk loader and the backfill share.
enum EnrolmentColumns {
    static let names = ["person_id", "organisation_id", "kind", "year_group", "from_date", "to_date", "basis"]

    static func values(_ enrolment: NewEnrolment, personID: Int64) -> [any Encodable & Sendable] {
        [personID, enrolment.organisationID, enrolment.kind.rawValue, enrolment.yearGroup, enrolment.from.iso, enrolment.to?.iso,
         enrolment.basis.rawValue]
    }

    /// Multi-row inserts within the engines' bind limits, provenance added to each row.
    static func insert(_ rows: [(personID: Int64, enrolment: NewEnrolment)], provenance: [(any Encodable & Sendable)?], on db: any SQLDatabase) async throws {
        let columns = names + ["source", "recorded_by", "recorded_at"]
        for chunk in rows.chunked(into: BulkTables.maxBindsPerStatement / columns.count) {
            var insert = db.insert(into: "enrolment").columns(columns)
            for row in chunk {
                let row: [(any Encodable & Sendable)?] = values(row.enrolment, personID: row.personID) + provenance
                insert = insert.values(row.map { value -> any SQLExpression in value.map { SQLBind($0) } ?? SQLLiteral.null })
            }
            try await insert.run()
        }
    }
}
