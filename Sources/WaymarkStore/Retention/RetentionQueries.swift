public import WaymarkCore
import SQLKit

/// A record old enough to be looked at by the retention policy, with the
/// classes of information it holds.
public struct RetentionCandidate: Sendable, Equatable {
    public let id: Int64
    public let dateOfBirth: CalendarDate
    /// Always includes identity.
    public let classes: Set<SensitivityClass>
}

/// Reads, a page at a time in id order, the records born on or before a
/// day (the youngest any rule could take), each with the classes it holds.
/// Merged records go with the record they were merged into; anonymised ones
/// have been dealt with.
public struct RetentionQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        db = store.sql
    }

    public func candidates(responsibleLA: String, bornOnOrBefore latest: CalendarDate, after: Int64, limit: Int) async throws -> [RetentionCandidate] {
        let rows = try await db.select().columns("id", "date_of_birth").from("young_person")
            .where("responsible_la", .equal, responsibleLA)
            .where("merged_into", .is, SQLLiteral.null).where("anonymised_on", .is, SQLLiteral.null)
            .where("date_of_birth", .lessThanOrEqual, latest.iso)
            .where("id", .greaterThan, after)
            .orderBy("id").limit(limit)
            .all()
        let people = try rows.map { row in
            let text = try row.decode(column: "date_of_birth", as: String.self)
            guard let date = try? CalendarDate(iso: text) else { throw StoreError.invalidStoredValue(table: "young_person", column: "date_of_birth", value: text) }
            return (try row.decode(column: "id", as: Int64.self), date)
        }
        guard !people.isEmpty else { return [] }
        let classes = try await heldClasses(of: people.map(\.0))
        return people.map { RetentionCandidate(id: $0.0, dateOfBirth: $0.1, classes: classes[$0.0, default: []].union([.identity])) }
    }

    /// Which classes each person holds. SEND and health counts when SEND or
    /// SEN support is recorded, or a characteristic of that class: a level of
    /// need alone, which everyone assessed has, does not make a SEND record.
    func heldClasses(of people: [Int64]) async throws -> [Int64: Set<SensitivityClass>] {
        var held: [Int64: Set<SensitivityClass>] = [:]
        let tableClasses: [(String, [SensitivityClass])] = [
            ("address", [.contact]), ("contact_detail", [.contact]), ("contact_preference", [.contact]), ("person_flag", [.contact]),
            ("outbox_message", [.contact]), ("campaign_member", [.contact]), ("self_service_answer", [.contact]), ("person_contact", [.contact]),
            ("activity", [.currentActivity, .educationAndActivity]), ("enrolment", [.educationAndActivity]),
            ("intended_destination", [.educationAndActivity]), ("september_guarantee", [.educationAndActivity]),
            ("school_fact", [.educationAndActivity]), ("risk_list_change", [.notes]),
            ("contact", [.notes]), ("note", [.notes]), ("assessment", [.notes]), ("plan_goal", [.notes]), ("action_plan", [.notes]), ("follow_up", [.notes]), ("appointment", [.notes]),
        ]
        for (table, classes) in tableClasses {
            for id in try await db.select().distinct().column("person_id").from(table).where("person_id", .in, people)
                .all(decodingColumn: "person_id", as: Int64.self)
            {
                held[id, default: []].formUnion(classes)
            }
        }
        let withSEND = try await db.select().distinct().column("person_id").from("need_assessment").where("person_id", .in, people)
            .where { $0.where("send", .equal, SQLBind(true)).orWhere("sen_support", .equal, SQLBind(true)) }
            .all(decodingColumn: "person_id", as: Int64.self)
        for id in withSEND { held[id, default: []].insert(.sendAndHealth) }
        for row in try await db.select().distinct().columns("person_id", "code").from("characteristic").where("person_id", .in, people).all() {
            let code = try row.decode(column: "code", as: Int.self)
            guard let characteristic = CharacteristicCode(rawValue: code) else { continue }
            held[try row.decode(column: "person_id", as: Int64.self), default: []].insert(characteristic.sensitivityClass)
        }
        return held
    }
}
