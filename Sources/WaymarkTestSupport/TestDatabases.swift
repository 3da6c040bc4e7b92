import Foundation
import Logging
import SQLKit
public import WaymarkStore

/// The engines storage tests run on: in-memory SQLite always, and PostgreSQL
/// when `WAYMARK_TEST_POSTGRES_URL` names a server (CI sets it).
public enum TestDatabases {
    public static let postgresURL = ProcessInfo.processInfo.environment["WAYMARK_TEST_POSTGRES_URL"]

    /// Engines to run a storage test on, for `@Test(arguments:)`.
    public static var engines: [DatabaseEngine] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    /// Printed once so a local run says plainly that PostgreSQL was skipped.
    public static let skipNotice: Void = {
        if postgresURL == nil {
            print("note: WAYMARK_TEST_POSTGRES_URL is not set; the PostgreSQL side of the storage tests was skipped")
        }
    }()

    /// Opens a fresh, migrated, empty database on `engine`, runs `body`, and
    /// throws the database away. PostgreSQL tests each get their own schema.
    public static func withFreshStore<R: Sendable>(
        _ engine: DatabaseEngine, _ body: (Store) async throws -> R
    ) async throws -> R {
        _ = skipNotice
        var logger = Logger(label: "waymark.test")
        logger.logLevel = .warning
        switch engine {
        case .sqlite:
            let database = try await StoreDatabase.open(.sqliteMemory, logger: logger)
            do {
                let result = try await body(Store(database: database))
                try await database.close()
                return result
            } catch {
                try? await database.close()
                throw error
            }
        case .postgres:
            guard let url = postgresURL else { throw TestDatabaseError.postgresNotConfigured }
            // Each store holds up to ~10 connections; PostgreSQL allows 100 by default, and tests run in parallel.
            // A test with two LAs opens a second store inside the first. Taking its slot from the
            // same pool let six such tests each hold one and wait for a second for ever (the whole
            // suite stalled); a store opened inside another takes one from a pool of its own.
            let slots = holdsPostgresSlot ? nestedPostgresSlots : postgresSlots
            await slots.acquire()
            defer { Task { await slots.release() } }
            let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let admin = try await StoreDatabase.open(.postgres(url: url), logger: logger, migrate: false)
            do {
                try await admin.sql.raw("CREATE SCHEMA \(ident: String(schema))").run()
            } catch {
                try? await admin.close()
                throw error
            }
            let outcome: Result<R, any Error>
            do {
                let database = try await StoreDatabase.open(.postgres(url: url, schema: String(schema)), logger: logger)
                do {
                    outcome = .success(try await $holdsPostgresSlot.withValue(true) { try await body(Store(database: database)) })
                } catch {
                    outcome = .failure(error)
                }
                try? await database.close()
            } catch {
                outcome = .failure(error)
            }
            try? await admin.sql.raw("DROP SCHEMA \(ident: String(schema)) CASCADE").run()
            try? await admin.close()
            return try outcome.get()
        }
    }
}

/// How many PostgreSQL test stores may be open at once.
let postgresSlots = AsyncSlots(5)
/// For stores opened inside another (two LAs in one test): never waited on by a task that holds one.
let nestedPostgresSlots = AsyncSlots(2)
/// Whether this task already runs inside a PostgreSQL test store.
@TaskLocal var holdsPostgresSlot = false

/// A counting semaphore for async code: waiters queue and are resumed in order.
actor AsyncSlots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) {
        free = count
    }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

public enum TestDatabaseError: Error {
    case postgresNotConfigured
}
