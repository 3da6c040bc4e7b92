import Foundation
import SQLKit
public import WaymarkRecords

extension ChangeTransaction {
    /// Queues a suspected duplicate unless the same pair (either way round) is already queued or decided.
    @discardableResult
    public func queueDuplicate(_ exception: NewMatchException) async throws -> Int64? {
        guard let first = exception.personID, let second = exception.otherPersonID else { return nil }
        let existing = try await db.raw("""
            SELECT id FROM match_exception WHERE kind = 'duplicate'
              AND ((person_id = \(bind: first) AND other_person_id = \(bind: second)) OR (person_id = \(bind: second) AND other_person_id = \(bind: first)))
            """).first()
        guard existing == nil else { return nil }
        return try await queueException(exception)
    }

    @discardableResult
    public func queueException(_ exception: NewMatchException) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "match_exception",
            [("kind", exception.kind.rawValue), ("person_id", exception.personID), ("other_person_id", exception.otherPersonID),
             ("incoming", exception.incoming), ("probability", exception.probability), ("explanation", exception.explanation),
             ("status", MatchExceptionStatus.open.rawValue)])
        try await audit(.create, entity: "match_exception", entityID: id, personID: exception.personID, detail: exception.kind.rawValue)
        return id
    }

    /// Closes an open exception; false when someone already did.
    public func resolveException(_ id: Int64, as status: MatchExceptionStatus, resolution: String?, by userID: Int64?) async throws -> Bool {
        let closed = try await db.update("match_exception").set("status", to: status.rawValue).set("resolution", to: SQLBind(resolution))
            .set("resolved_by", to: SQLBind(userID)).set("resolved_at", to: recordedAt)
            .where("id", .equal, id).where("status", .equal, MatchExceptionStatus.open.rawValue)
            .returning("id").all()
        guard !closed.isEmpty else { return false }
        try await audit(.update, entity: "match_exception", entityID: id, personID: nil, detail: status.rawValue)
        return true
    }
}

public struct MatchExceptionQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    /// The open exceptions, the least certain first (probability nearest one
    /// half), as those most need a person: the page shows only the first `limit`.
    public func open(limit: Int = 200) async throws -> [StoredMatchException] {
        let distanceFromHalf = SQLFunction("ABS", args: SQLBinaryExpression(SQLColumn("probability"), .subtract, SQLLiteral.numeric("0.5")))
        return try await db.select().column("*").from("match_exception").where("status", .equal, MatchExceptionStatus.open.rawValue)
            .orderBy(distanceFromHalf).orderBy("id").limit(limit).all().map(Self.decode)
    }

    public func openCount() async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("match_exception")
            .where("status", .equal, MatchExceptionStatus.open.rawValue).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    public func exception(_ id: Int64) async throws -> StoredMatchException? {
        try await db.select().column("*").from("match_exception").where("id", .equal, id).first().map(Self.decode)
    }

    static func decode(_ row: any SQLRow) throws -> StoredMatchException {
        let kindText = try row.decode(column: "kind", as: String.self)
        let statusText = try row.decode(column: "status", as: String.self)
        guard let kind = MatchExceptionKind(rawValue: kindText) else {
            throw StoreError.invalidStoredValue(table: "match_exception", column: "kind", value: kindText)
        }
        guard let status = MatchExceptionStatus(rawValue: statusText) else {
            throw StoreError.invalidStoredValue(table: "match_exception", column: "status", value: statusText)
        }
        return StoredMatchException(
            id: try row.decode(column: "id", as: Int64.self), kind: kind, personID: try row.decode(column: "person_id", as: Int64?.self),
            otherPersonID: try row.decode(column: "other_person_id", as: Int64?.self), incoming: try row.decode(column: "incoming", as: String?.self),
            probability: try row.decode(column: "probability", as: Double.self), explanation: try row.decode(column: "explanation", as: String.self),
            status: status, resolution: try row.decode(column: "resolution", as: String?.self))
    }
}
