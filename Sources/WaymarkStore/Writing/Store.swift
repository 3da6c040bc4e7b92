public import Foundation
public import SQLKit
public import WaymarkCore
import WaymarkRecords

/// Waymark's storage: writes go through ``change(by:at:_:)`` so provenance and
/// audit are never forgotten; reads are the query types in `Reading/`.
public struct Store: Sendable {
    public let database: StoreDatabase
    /// The classifier the stored participation positions are kept with.
    public let classifier: ParticipationClassifier

    public init(database: StoreDatabase, classifier: ParticipationClassifier = ParticipationClassifier()) {
        self.database = database
        self.classifier = classifier
    }

    /// Runs one all-or-nothing change on behalf of `actor`.
    public func change<Result: Sendable>(
        by actor: Actor, at now: Date, _ body: @escaping @Sendable (ChangeTransaction) async throws -> Result
    ) async throws -> Result {
        let (engine, classifier) = (database.engine, classifier)
        return try await database.transaction { db in
            let tx = ChangeTransaction(db: db, actor: actor, now: now)
            let result = try await body(tx)
            // The positions of the people this change touched move with it, in the same transaction.
            try await ParticipationPositions(db: db, classifier: classifier).refresh(tx.touchedPeople.drain(), on: ServiceDay.of(now))
            try await FigureTimelines(db: db, classifier: classifier).refresh(tx.figurePeople.drain())
            try await AuditTrailAppender.append(tx.pendingAudit.drain(), on: db, engine: engine)
            return result
        }
    }

    public var sql: any SQLDatabase { database.sql }

    /// Records an event that goes with no change — a view, a search, an
    /// export — committed in one transaction with any others waiting, and
    /// returns once it is committed. `detail` holds codes and IDs only.
    /// An event that could move a participation position needs the change
    /// it describes: use ``change(by:at:_:)``.
    public func record(
        _ action: AuditAction, by actor: Actor, at now: Date, entity: String, entityID: Int64? = nil, personID: Int64? = nil, detail: String? = nil
    ) async throws {
        precondition(!TouchedPeople.affects(action, entity: entity), "a \(action.rawValue) of \(entity) is a change; record it in one")
        let event = AuditEventContent(
            id: 0, occurredAt: Timestamp.format(now), actorUserID: actor.userID, actor: actor.label, action: action.rawValue, entity: entity,
            entityID: entityID, personID: personID, detail: detail)
        let database = database
        try await database.auditBatcher.append(event) { events in
            try await database.transaction { db in try await AuditTrailAppender.append(events, on: db, engine: database.engine) }
        }
    }
}

extension Store {
    /// Asks the database the smallest question, for health checks.
    public func ping() async throws {
        try await sql.raw("SELECT 1").run()
    }
}
