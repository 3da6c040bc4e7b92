import SQLKit
public import WaymarkCore
public import WaymarkRecords

extension ChangeTransaction {
    /// Records that a young person does (or no longer does) not want to be contacted on a channel.
    /// Each change is a new row from its date, so the history shows when they asked.
    @discardableResult
    public func setOptOut(_ optedOut: Bool, channel: ContactChannel, for personID: Int64, from date: CalendarDate) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "contact_preference",
            [("person_id", personID), ("channel", channel.rawValue), ("opted_out", optedOut), ("valid_from", date.iso)])
        try await audit(.create, entity: "contact_preference", entityID: id, personID: personID, detail: "\(channel.rawValue)=\(optedOut ? "out" : "in")")
        return id
    }

    /// Raises a flag such as do-not-contact from a date.
    @discardableResult
    public func raiseFlag(_ kind: PersonFlag, for personID: Int64, from date: CalendarDate) async throws -> Int64 {
        let id = try await insertReturningID(into: "person_flag", [("person_id", personID), ("kind", kind.rawValue), ("start_date", date.iso)])
        try await audit(.create, entity: "person_flag", entityID: id, personID: personID, detail: kind.rawValue)
        return id
    }

    /// Lowers every open flag of a kind; the rows stay in the history.
    public func lowerFlag(_ kind: PersonFlag, for personID: Int64, on date: CalendarDate) async throws {
        try await db.update("person_flag").set("end_date", to: date.iso)
            .where("person_id", .equal, personID).where("kind", .equal, kind.rawValue).where("end_date", .is, SQLLiteral.null)
            .run()
        try await audit(.update, entity: "person_flag", entityID: nil, personID: personID, detail: "\(kind.rawValue) lowered")
    }
}

/// Reads the current preferences and flags.
public struct PreferenceQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    public func preferences(of personID: Int64, on date: CalendarDate) async throws -> ContactPreferences {
        var latest: [String: Bool] = [:]
        for row in try await db.select().columns("channel", "opted_out").from("contact_preference")
            .where("person_id", .equal, personID).where("valid_from", .lessThanOrEqual, date.iso)
            .orderBy("valid_from").orderBy("id").all()
        {
            latest[try row.decode(column: "channel", as: String.self)] = try row.decode(column: "opted_out", as: Bool.self)
        }
        let flagged = try await db.select().column("id").from("person_flag")
            .where("person_id", .equal, personID).where("kind", .equal, PersonFlag.doNotContact.rawValue)
            .where("start_date", .lessThanOrEqual, date.iso).where("end_date", .is, SQLLiteral.null)
            .first() != nil
        return ContactPreferences(
            optedOut: Set(latest.filter(\.value).keys.compactMap(ContactChannel.init(rawValue:))), doNotContact: flagged)
    }
}
