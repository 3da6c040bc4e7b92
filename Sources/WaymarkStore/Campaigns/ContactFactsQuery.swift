public import Foundation
import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// Reads contact facts for many people with a handful of queries per batch,
/// so planning a campaign to thousands costs the same few round trips each.
public struct ContactFactsQuery: Sendable {
    let db: any SQLDatabase
    static let batchSize = 500

    public init(store: Store) {
        self.db = store.sql
    }

    public func facts(for personIDs: [Int64], on date: CalendarDate, now: Date, periodDays: Int) async throws -> [Int64: PersonContactFacts] {
        var facts: [Int64: PersonContactFacts] = [:]
        for id in personIDs { facts[id] = PersonContactFacts() }
        for batch in personIDs.chunked(into: Self.batchSize) {
            try await readReach(batch, on: date, into: &facts)
            try await readPreferences(batch, on: date, into: &facts)
            try await readAttempts(batch, now: now, periodDays: periodDays, into: &facts)
            try await readAnswers(batch, into: &facts)
        }
        return facts
    }

    /// Only where each person can be reached: the address, phone and e-mail lists and letters print.
    public func reach(for personIDs: [Int64], on date: CalendarDate) async throws -> [Int64: ReachDetails] {
        var facts: [Int64: PersonContactFacts] = [:]
        for id in personIDs { facts[id] = PersonContactFacts() }
        for batch in personIDs.chunked(into: Self.batchSize) { try await readReach(batch, on: date, into: &facts) }
        return facts.mapValues(\.reach)
    }

    private func readReach(_ ids: [Int64], on date: CalendarDate, into facts: inout [Int64: PersonContactFacts]) async throws {
        // Rows come oldest first, so the latest current value wins.
        let rows = try await db.select().columns("person_id", "kind", "value").from("contact_detail")
            .where("person_id", .in, ids).where("valid_from", .lessThanOrEqual, date.iso)
            .where(Self.current(date))
            .orderBy("valid_from").orderBy("id").all()
        for row in rows {
            let id = try row.decode(column: "person_id", as: Int64.self)
            let value = try row.decode(column: "value", as: String.self)
            switch ContactDetailRecord.Kind(rawValue: try row.decode(column: "kind", as: String.self)) {
            case .mobile: facts[id]?.reach.mobile = value
            case .landline: facts[id]?.reach.landline = value
            case .email: facts[id]?.reach.email = value
            case nil: continue
            }
        }
        let addresses = try await db.select().columns("person_id", "line1", "line2", "line3", "line4", "town", "postcode", "ward").from("address")
            .where("person_id", .in, ids).where("valid_from", .lessThanOrEqual, date.iso)
            .where(Self.current(date))
            .orderBy("valid_from").orderBy("id").all()
        for row in addresses {
            let id = try row.decode(column: "person_id", as: Int64.self)
            var reach = facts[id]?.reach ?? ReachDetails()
            reach.addressLines = try ["line1", "line2", "line3", "line4", "town"].compactMap { (column: String) -> String? in try row.decode(column: column, as: String?.self) }
                .filter { !$0.isEmpty }
            reach.postcode = try row.decode(column: "postcode", as: String.self)
            reach.ward = try row.decode(column: "ward", as: String?.self)
            facts[id]?.reach = reach
        }
    }

    private func readPreferences(_ ids: [Int64], on date: CalendarDate, into facts: inout [Int64: PersonContactFacts]) async throws {
        let rows = try await db.select().columns("person_id", "channel", "opted_out").from("contact_preference")
            .where("person_id", .in, ids).where("valid_from", .lessThanOrEqual, date.iso)
            .orderBy("valid_from").orderBy("id").all()
        for row in rows {
            let id = try row.decode(column: "person_id", as: Int64.self)
            guard let channel = ContactChannel(rawValue: try row.decode(column: "channel", as: String.self)) else { continue }
            if try row.decode(column: "opted_out", as: Bool.self) { facts[id]?.optedOut.insert(channel) } else { facts[id]?.optedOut.remove(channel) }
        }
        let flags = try await db.select().columns("person_id").from("person_flag")
            .where("person_id", .in, ids).where("kind", .equal, PersonFlag.doNotContact.rawValue).where("start_date", .lessThanOrEqual, date.iso)
            .where(Self.open("end_date", after: date))
            .all()
        for row in flags {
            facts[try row.decode(column: "person_id", as: Int64.self)]?.doNotContact = true
        }
    }

    private func readAttempts(_ ids: [Int64], now: Date, periodDays: Int, into facts: inout [Int64: PersonContactFacts]) async throws {
        let cutoff = Timestamp.format(now.addingTimeInterval(-Double(periodDays) * 86_400))
        let rows = try await db.select().columns("person_id", "method", "occurred_at").from("contact")
            .where("person_id", .in, ids).where("direction", .equal, NewContact.Direction.outbound.rawValue)
            .where("occurred_at", .greaterThanOrEqual, cutoff).all()
        for row in rows {
            guard let channel = ContactChannel(rawValue: try row.decode(column: "method", as: String.self)),
                let occurred = Timestamp.parse(try row.decode(column: "occurred_at", as: String.self))
            else { continue }
            let age = max(0, Int(now.timeIntervalSince(occurred) / 86_400))
            facts[try row.decode(column: "person_id", as: Int64.self)]?.attemptAges[channel, default: []].append(age)
        }
    }

    private func readAnswers(_ ids: [Int64], into facts: inout [Int64: PersonContactFacts]) async throws {
        let rows = try await db.select().columns("person_id").from("self_service_answer")
            .where("person_id", .in, ids).where("status", .equal, SelfServiceAnswerStatus.awaiting.rawValue).all()
        for row in rows {
            facts[try row.decode(column: "person_id", as: Int64.self)]?.awaitingVerification = true
        }
    }

    /// Rows still valid on the day (no end, or an end on or after it).
    static func current(_ date: CalendarDate) -> any SQLExpression {
        SQLGroupExpression(SQLBinaryExpression(
            SQLBinaryExpression(SQLColumn("valid_to"), .is, SQLLiteral.null), .or,
            SQLBinaryExpression(SQLColumn("valid_to"), .greaterThanOrEqual, SQLBind(date.iso))))
    }

    static func open(_ column: String, after date: CalendarDate) -> any SQLExpression {
        SQLGroupExpression(SQLBinaryExpression(
            SQLBinaryExpression(SQLColumn(column), .is, SQLLiteral.null), .or,
            SQLBinaryExpression(SQLColumn(column), .greaterThan, SQLBind(date.iso))))
    }
}
