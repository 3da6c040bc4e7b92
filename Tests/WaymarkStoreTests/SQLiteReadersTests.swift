import Foundation
import Logging
import SQLKit
import Testing
import WaymarkCore
import WaymarkStore

/// On an SQLite file, pages that only read do not queue behind a write:
/// readers see the last committed state while a transaction is open.
@Suite struct SQLiteReadersTests {
    @Test func aReadIsAnsweredWhileAWriteIsOpenAndSeesOnlyWhatWasCommitted() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-readers-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let database = try await StoreDatabase.open(.sqliteFile(path: path), logger: Logger(label: "test"))
        let store = Store(database: database)
        let people = PersonQueries(store: store, registry: StoreFixtures.registry)
        _ = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.createPerson(StoreFixtures.person()) }

        let (released, release) = AsyncStream.makeStream(of: Void.self)
        let (isInside, inside) = AsyncStream.makeStream(of: Void.self)
        let writing = Task {
            try await store.change(by: .system("test"), at: fixedNow) { tx in
                _ = try await tx.createPerson(StoreFixtures.person("Zara"))
                inside.yield()
                // Hold the transaction open until the read below has its answer.
                for await _ in released { break }
            }
        }
        for await _ in isInside { break }
        let duringTheWrite = try await people.count(table: .youngPerson)
        release.yield()
        _ = try await writing.value
        #expect(duringTheWrite == 1, "the reader saw the committed person, not the one being written")
        #expect(try await people.count(table: .youngPerson) == 2, "and sees the second once it is committed")
        try await database.close()
    }

    @Test func onlyLoneSelectsAreSentToReaders() {
        #expect(ReadOnlyStatement.isRead("SELECT * FROM young_person"))
        #expect(ReadOnlyStatement.isRead("  select count(*) from activity"))
        #expect(ReadOnlyStatement.isRead("WITH a AS (SELECT 1) SELECT * FROM a"))
        #expect(!ReadOnlyStatement.isRead("WITH a AS (SELECT 1) DELETE FROM job WHERE id IN a"))
        #expect(!ReadOnlyStatement.isRead("INSERT INTO job VALUES (1)"))
        #expect(!ReadOnlyStatement.isRead("UPDATE job SET status = 'running' RETURNING id"))
        #expect(!ReadOnlyStatement.isRead("PRAGMA page_count"))
    }
}
