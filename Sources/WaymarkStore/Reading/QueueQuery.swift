import Foundation
import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// Which stored positions a queue lists. The states come from the classifier
/// (see ``ParticipationPositions``); these only pick among them.
public enum QueueSelection: Sendable, Equatable {
    /// Everyone whose stored state has this kind (`ParticipationState.storedKind`).
    case state(String)
    /// EET whose currency lapses on or before the day.
    case lapsingBy(CalendarDate)
    /// NEET with no contact at or after the instant (ISO timestamp).
    case neetWithoutContactSince(String)
    /// In the cohort at an academic age whose September Guarantee for the
    /// academic year (by year group) is missing or still `notYetRecorded`.
    case guaranteeMissing(yearGroupByAcademicAge: [Int: Int], academicYear: Int, notYetRecorded: Int)
    /// These people, whatever their state.
    case people([Int64])
}

/// One young person as the queues see them: who they are, who holds them,
/// and their stored participation position.
public struct QueueRow: Sendable {
    public let member: CaseloadMember
    public let state: ParticipationState?
    public let activityCode: Int?
    public let lapsesOn: String?
    /// When the current activity was last confirmed.
    public let confirmedOn: String?
    public let academicAge: Int
    public let adviserID: Int64?
    public let lastContact: String?
    public let ward: String?
    /// The current address's postcode.
    public var postcode: String? = nil
    /// September Guarantee status codes recorded for the academic year, by year group (the latest kept).
    public let guarantees: [GuaranteeYear: Int]
}

/// Reads a queue from `participation_position`: indexed rows, a page at a time, in the order asked for.
public struct QueueQuery: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    /// Up to `limit` rows from `offset` (nil: all of them), in `order`.
    public func rows(
        _ selection: QueueSelection, in scope: RecordScope, filter: QueueFilter, on date: CalendarDate, order: QueueOrder = .record,
        limit: Int?, offset: Int = 0
    ) async throws -> [QueueRow] {
        var paging: SQLQueryString = ""
        if let limit { paging = " LIMIT \(literal: limit) OFFSET \(literal: max(0, offset))" }
        let query: SQLQueryString = "SELECT * FROM (" + listing(selection, scope: scope, filter: filter, date: date) + ") q ORDER BY "
            + Self.orderBy(order) + paging
        return try await db.storedRows(query).map(Self.row)
    }

    /// Everyone on the queue, as ids in `order`: an export reads their rows a chunk at a time with ``rows(of:in:on:)``.
    public func ids(_ selection: QueueSelection, in scope: RecordScope, filter: QueueFilter, on date: CalendarDate, order: QueueOrder) async throws -> [Int64] {
        let query: SQLQueryString = "SELECT q.id FROM (" + listing(selection, scope: scope, filter: filter, date: date) + ") q ORDER BY " + Self.orderBy(order)
        return try await db.storedRows(query).map { try $0.requiredInteger("id", table: "young_person") }
    }

    /// The wards of current addresses in scope and the wards the LA loaded (a postcode in the
    /// lookup is filtered by its loaded ward), each once whatever its case, in alphabetical order:
    /// what a ward filter offers.
    public func wards(in scope: RecordScope, limit: Int = 500) async throws -> [String] {
        let query: SQLQueryString = """
            SELECT MIN(ward) AS ward FROM (
              SELECT TRIM(w.ward) AS ward FROM address w JOIN young_person p ON p.id = w.person_id
              WHERE w.valid_to IS NULL AND w.ward IS NOT NULL AND TRIM(w.ward) <> '' AND \(scope.condition(on: "p"))
              UNION SELECT name AS ward FROM ward
            ) known
            GROUP BY LOWER(ward) ORDER BY LOWER(ward) LIMIT \(literal: limit)
            """
        return try await db.storedRows(query).compactMap { try $0.text("ward") }
    }

    /// The queue's rows with their sort columns, unordered: the callers wrap it to sort and page.
    private func listing(_ selection: QueueSelection, scope: RecordScope, filter: QueueFilter, date: CalendarDate) -> SQLQueryString {
        let year = AcademicYear(containing: date).startYear
        return """
            SELECT p.id, p.given_name, p.family_name, p.date_of_birth, p.cohort_status, p.tier, p.caseload_since, p.pa_user_id,
              o.name AS school, pp.state, pp.detail, pp.activity_code, pp.lapses_on, pp.confirmed_on, pp.academic_age,
              (SELECT MAX(k.occurred_at) FROM contact k WHERE k.person_id = p.id) AS last_contact,
              (SELECT COALESCE(lw.name, w.ward) FROM address w LEFT JOIN ward_postcode wp ON wp.postcode_key = REPLACE(UPPER(w.postcode), ' ', '')
                 LEFT JOIN ward lw ON lw.code = wp.ward_code
                 WHERE w.person_id = p.id AND w.valid_to IS NULL ORDER BY w.valid_from DESC LIMIT 1) AS ward,
              (SELECT REPLACE(UPPER(w.postcode), ' ', '') FROM address w WHERE w.person_id = p.id AND w.valid_to IS NULL ORDER BY w.valid_from DESC LIMIT 1) AS postcode,
              (SELECT g.status FROM september_guarantee g WHERE g.person_id = p.id AND g.year_group = 11
                 AND g.academic_year = \(bind: year) ORDER BY g.id DESC LIMIT 1) AS guarantee_y11,
              (SELECT g.status FROM september_guarantee g WHERE g.person_id = p.id AND g.year_group = 12
                 AND g.academic_year = \(bind: year) ORDER BY g.id DESC LIMIT 1) AS guarantee_y12
            FROM participation_position pp
            JOIN young_person p ON p.id = pp.person_id
            LEFT JOIN organisation o ON o.id = p.school_id
            WHERE \(conditions(selection, scope: scope, filter: filter, date: date))
            """
    }

    /// Always ends in the id, so equal names or days keep one order from page to page.
    /// `NULLS FIRST`/`LAST` are spelled out: the engines put nulls at opposite ends by default.
    static func orderBy(_ order: QueueOrder) -> SQLQueryString {
        let direction: SQLQueryString = order.descending ? "DESC" : "ASC"
        switch order.column {
        case nil: return "q.id " + direction
        case .name: return "LOWER(q.family_name) " + direction + ", LOWER(q.given_name) " + direction + ", q.id"
        case .dateOfBirth: return "q.date_of_birth " + direction + ", q.id"
        case .lastContact: return "q.last_contact " + direction + (order.descending ? " NULLS LAST" : " NULLS FIRST") + ", q.id"
        case .ward: return "LOWER(TRIM(q.ward)) " + direction + " NULLS LAST, q.id"
        // Compact postcodes sort by outward code's length first, so that NM1 9.. comes before NM10 1..
        case .postcode: return "LENGTH(q.postcode) " + direction + " NULLS LAST, q.postcode " + direction + ", q.id"
        }
    }

    /// The rows of these people (in scope), whatever queue they are on: for reports on a known list.
    public func rows(of ids: [Int64], in scope: RecordScope, on date: CalendarDate) async throws -> [QueueRow] {
        var found: [QueueRow] = []
        for chunk in ids.chunked(into: 500) where !chunk.isEmpty {
            found += try await rows(.people(chunk), in: scope, filter: QueueFilter(), on: date, limit: nil)
        }
        return found
    }

    public func count(_ selection: QueueSelection, in scope: RecordScope, filter: QueueFilter, on date: CalendarDate) async throws -> Int {
        let query: SQLQueryString = """
            SELECT COUNT(*) AS n FROM participation_position pp JOIN young_person p ON p.id = pp.person_id
            WHERE \(conditions(selection, scope: scope, filter: filter, date: date))
            """
        return Int(try await db.storedRows(query).first?.integer("n") ?? 0)
    }

    /// How many stored positions are past their `valid_until` day on `date`, and
    /// the oldest day one of those was computed for: the queues are "as of" that day
    /// until the positions job has brought them up to date.
    public func staleness(on date: CalendarDate) async throws -> (count: Int, oldest: String?) {
        let rows = try await db.storedRows("""
            SELECT COUNT(*) AS n, MIN(computed_on) AS oldest FROM participation_position WHERE valid_until <= \(bind: date.iso)
            """)
        return (Int(try rows.first?.integer("n") ?? 0), try rows.first?.text("oldest"))
    }

    private func conditions(_ selection: QueueSelection, scope: RecordScope, filter: QueueFilter, date: CalendarDate) -> SQLQueryString {
        var conditions: SQLQueryString
        switch selection {
        case .state(let kind):
            conditions = "pp.state = \(bind: kind)"
        case .people(let ids):
            let list: [SQLQueryString] = ids.map { id -> SQLQueryString in "\(literal: Int(id))" }
            conditions = "pp.person_id IN (\(list.joined(separator: ", ")))"
        case .lapsingBy(let day):
            conditions = "pp.state = 'eet' AND pp.lapses_on <= \(bind: day.iso)"
        case .neetWithoutContactSince(let cutoff):
            conditions = "pp.state = 'neet' AND NOT EXISTS (SELECT 1 FROM contact k WHERE k.person_id = pp.person_id AND k.occurred_at >= \(bind: cutoff))"
        case .guaranteeMissing(let yearGroups, let year, let notYetRecorded):
            let ages: [SQLQueryString] = yearGroups.sorted { $0.key < $1.key }.map { entry -> SQLQueryString in
                """
                (pp.academic_age = \(literal: entry.key) AND COALESCE((SELECT g.status FROM september_guarantee g WHERE g.person_id = pp.person_id
                  AND g.year_group = \(literal: entry.value) AND g.academic_year = \(literal: year) ORDER BY g.id DESC LIMIT 1), \(literal: notYetRecorded)) = \(literal: notYetRecorded))
                """
            }
            conditions = "pp.state <> 'not-in-cohort' AND (\(ages.joined(separator: " OR ")))"
        }
        // Who may see whom is the scope's; the school below is only a filter for LA staff.
        conditions = conditions + " AND \(scope.condition(on: "p"))"
        if let school = filter.schoolID { conditions = conditions + " AND p.school_id = \(bind: school)" }
        if let adviser = filter.adviserID { conditions = conditions + " AND p.pa_user_id = \(bind: adviser)" }
        if let ward = filter.ward {
            // Wards are typed by people and files: "riverside" is Riverside.
            conditions = conditions + """
                 AND EXISTS (SELECT 1 FROM address w LEFT JOIN ward_postcode wp ON wp.postcode_key = REPLACE(UPPER(w.postcode), ' ', '')
                   LEFT JOIN ward lw ON lw.code = wp.ward_code
                   WHERE w.person_id = p.id AND w.valid_to IS NULL
                   AND LOWER(TRIM(COALESCE(lw.name, w.ward))) = LOWER(\(bind: ward.trimmingCharacters(in: .whitespaces))))
                """
        }
        if let sector = filter.postcodeSector.flatMap(PostcodeParts.normalisedSector) {
            // "LS6 2" is every postcode LS6 2??: compact, the outward code and digit then two letters (LS62 1AB is not in it).
            let key = PostcodeParts.key(sector)
            conditions = conditions + """
                 AND EXISTS (SELECT 1 FROM address w WHERE w.person_id = p.id AND w.valid_to IS NULL
                   AND LENGTH(REPLACE(UPPER(w.postcode), ' ', '')) = \(literal: key.count + 2)
                   AND SUBSTR(REPLACE(UPPER(w.postcode), ' ', ''), 1, \(literal: key.count)) = \(bind: key))
                """
        }
        if let code = filter.characteristic {
            conditions = conditions + """
                 AND EXISTS (SELECT 1 FROM characteristic c WHERE c.person_id = p.id AND c.code = \(bind: code.rawValue)
                   AND c.start_date <= \(bind: date.iso) AND (c.end_date IS NULL OR c.end_date >= \(bind: date.iso)))
                """
        }
        return conditions
    }

    static func row(_ row: any StoredColumns) throws -> QueueRow {
        let member = CaseloadMember(
            id: try row.requiredInteger("id", table: "young_person"), givenName: try row.requiredText("given_name", table: "young_person"),
            familyName: try row.requiredText("family_name", table: "young_person"), dateOfBirth: try row.requiredText("date_of_birth", table: "young_person"),
            cohortStatus: try row.requiredText("cohort_status", table: "young_person"), tier: try row.integer("tier").map(Int.init),
            since: try row.text("caseload_since"), school: try row.text("school"))
        var guarantees: [GuaranteeYear: Int] = [:]
        if let status = try row.integer("guarantee_y11") { guarantees[.year11] = Int(status) }
        if let status = try row.integer("guarantee_y12") { guarantees[.year12] = Int(status) }
        return QueueRow(
            member: member, state: ParticipationState(storedKind: try row.requiredText("state", table: "participation_position"), detail: try row.text("detail")),
            activityCode: try row.integer("activity_code").map(Int.init), lapsesOn: try row.text("lapses_on"), confirmedOn: try row.text("confirmed_on"),
            academicAge: Int(try row.requiredInteger("academic_age", table: "participation_position")),
            adviserID: try row.integer("pa_user_id"), lastContact: try row.text("last_contact"), ward: try row.text("ward"), postcode: try row.text("postcode"),
            guarantees: guarantees)
    }
}
