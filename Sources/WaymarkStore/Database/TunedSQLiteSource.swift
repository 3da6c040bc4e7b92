import AsyncKit
import Logging
import NIOCore
import SQLiteKit

/// Opens SQLite connections with the settings that belong to a connection,
/// not to the file: every pooled connection gets them, where a PRAGMA sent
/// through the pool reaches only whichever connection runs it.
struct TunedSQLiteSource: ConnectionPoolSource {
    let base: SQLiteConnectionSource
    let pragmas: [String]

    /// Memory-mapped reads let a reader take pages straight from the
    /// operating system's cache instead of copying each one in with a read
    /// call (most of a record page's time at 250,000 people); the mapping
    /// shares that cache, so an old laptop pays for it once, not per connection.
    static let pragmas = [
        "PRAGMA busy_timeout=5000",
        "PRAGMA synchronous=NORMAL",
        "PRAGMA mmap_size=1073741824",
        "PRAGMA cache_size=-16384",
        "PRAGMA temp_store=MEMORY",
    ]

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        base.makeConnection(logger: logger, on: eventLoop).flatMap { connection in
            pragmas.reduce(eventLoop.makeSucceededVoidFuture()) { done, pragma in
                done.flatMap { connection.query(pragma).map { _ in } }
            }
            .map { connection }
            .flatMapErrorThrowing { error in
                _ = connection.close()
                throw error
            }
        }
    }
}
