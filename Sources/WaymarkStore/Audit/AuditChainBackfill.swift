import SQLKit

/// Links the events written before the chain existed, oldest first, so a
/// database upgraded in place verifies from its first event.
enum AuditChainBackfill {
    static let rowsPerRead = 5_000

    /// Runs with the append-only trigger lifted, inside the migration's transaction.
    static func run(on db: any SQLDatabase) async throws {
        var head = AuditChainHead.empty
        var last: Int64 = .min
        while true {
            let events = try await AuditEventRows.read(after: last, limit: rowsPerRead, on: db)
            guard let newest = events.last else { return }
            last = newest.content.id
            for stored in events {
                let hash = AuditChain.link(after: head.hash, stored.content)
                try await db.update("audit_event")
                    .set("previous_hash", to: SQLBind(head.hash)).set("chain_hash", to: SQLBind(hash))
                    .where("id", .equal, SQLBind(stored.content.id))
                    .run()
                head = AuditChainHead(id: stored.content.id, hash: hash)
            }
        }
    }
}
