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

    /// No memory-mapped reads: in WAL mode a reader that finds the database
    /// changed since its last read unmaps the whole file and maps it again,
    /// and with every page view audited something has always changed, so
    /// each statement paid a munmap of the file (and the page faults after
    /// it). Plain reads from the operating system's cache cost a search page
    /// 13% less CPU at 250,000 people (benchmarks/README.md).
    static let pragmas = [
        "PRAGMA busy_timeout=5000",
        "PRAGMA synchronous=NORMAL",
        "PRAGMA mmap_size=0",
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
