public import Foundation
public import SQLKit
public import WaymarkCore

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
            try await AuditTrailAppender.append(tx.pendingAudit.drain(), on: db, engine: engine)
            return result
        }
    }

    public var sql: any SQLDatabase { database.sql }
}

extension Store {
    /// Asks the database the smallest question, for health checks.
    public func ping() async throws {
        try await sql.raw("SELECT 1").run()
    }
}
