import Foundation
import Logging
import SQLKit
import Testing
import WaymarkCore
import WaymarkRecords
@testable import WaymarkStore
import WaymarkTestSupport

/// A merge stopped part-way leaves nothing of itself, a re-run merges once,
/// and two merges of the same pair at once make one. On PostgreSQL the stop is
/// real: the merge's own connection is ended by the server (what PostgreSQL
/// sees when the process dies) while it waits on a row lock half-way through
/// the history tables; on an SQLite file, the files are taken as a kill
/// leaves them while the merge is written but not committed.
@Suite struct MergeKillTests {
    struct Stopped: Error {}

    /// Everything a merge of `kept` and `merged` writes, as one comparable value.
    struct MergeState: Equatable, CustomStringConvertible {
        var kept: [String: [Int64]]
        var merged: [String: [Int64]]
        var mergedInto: Int64?
        var merges: Int
        var listedRows: Int
        var mergeEvents: Int

        var description: String {
            "kept \(kept), merged \(merged), merged_into \(String(describing: mergedInto)), merges \(merges), listed \(listedRows), events \(mergeEvents)"
        }

        static func read(_ store: Store, kept: Int64, merged: Int64) async throws -> MergeState {
            func count(_ sql: SQLQueryString) async throws -> Int {
                try await store.sql.raw(sql).first()?.decode(column: "n", as: Int.self) ?? -1
            }
            return MergeState(
                kept: try await MergeTests.history(store, kept), merged: try await MergeTests.history(store, merged),
                mergedInto: try await MergeQueries(store: store).keptPerson(for: merged),
                merges: try await count("SELECT COUNT(*) AS n FROM person_merge"),
                listedRows: try await count("SELECT COUNT(*) AS n FROM person_merge_row"),
                mergeEvents: try await count("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'merge'"))
        }
    }

    /// The state after one merge of the fixture's pair: three rows moved (the former name it adds is checked apart).
    static func mergedOnce(_ before: MergeState, into kept: Int64) -> MergeState {
        var after = before
        after.mergedInto = kept
        for table in ["activity", "address", "contact"] {
            after.kept[table] = ((before.kept[table] ?? []) + (before.merged[table] ?? [])).sorted()
            after.merged[table] = []
        }
        after.merges = 1
        after.listedRows = 3
        after.mergeEvents = 2
        return after
    }

    static func merge(_ store: Store, _ pair: (kept: Int64, merged: Int64)) async throws -> Int64 {
        try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.mergePeople(kept: pair.kept, merged: pair.merged) }
    }

    @Test(arguments: TestDatabases.engines)
    func aMergeStoppedBeforeItCommitsLeavesNothingAndARerunMergesOnce(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let pair = try await MergeTests.twoRecordsOfOnePerson(store)
            let before = try await MergeState.read(store, kept: pair.kept, merged: pair.merged)
            #expect(before.merged.values.map(\.count).reduce(0, +) == 3)

            // Every statement of the merge has run; the change stops before it commits.
            await #expect(throws: Stopped.self) {
                try await store.change(by: .system("test"), at: fixedNow) { tx in
                    _ = try await tx.mergePeople(kept: pair.kept, merged: pair.merged)
                    throw Stopped()
                }
            }
            #expect(try await MergeState.read(store, kept: pair.kept, merged: pair.merged) == before, "nothing of the merge is left")

            _ = try await Self.merge(store, pair)
            let once = try await MergeState.read(store, kept: pair.kept, merged: pair.merged)
            #expect(once.kept["person_alias"]?.count == 1, "one former name, not two")
            var expected = Self.mergedOnce(before, into: pair.kept)
            expected.kept["person_alias"] = once.kept["person_alias"]
            #expect(once == expected)

            // Asked again (the answer to the first was lost, say): refused, and nothing doubles.
            await #expect(throws: MergeError.alreadyMerged(pair.merged)) { _ = try await Self.merge(store, pair) }
            #expect(try await MergeState.read(store, kept: pair.kept, merged: pair.merged) == once)
        }
    }

    /// SQLite: the files as a kill leaves them are the files on disk at that
    /// moment. The merge runs with a page cache so small that its changes are
    /// written into the WAL before it commits; the files are copied then, and
    /// the copy, opened as a restarted server would open it, holds nothing of
    /// the merge and merges once when asked again.
    @Test func aMergeCutOffOnAnSQLiteFileLeavesNothingOnDiskAndARerunMergesOnce() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("merge-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let live = directory.appendingPathComponent("live.sqlite").path, killed = directory.appendingPathComponent("killed.sqlite").path
        try await Self.withSQLiteFile(live) { store in
            let pair = try await MergeTests.twoRecordsOfOnePerson(store)
            try await store.change(by: .system("test"), at: fixedNow) { tx in
                for _ in 0..<2_000 {
                    try await tx.recordContact(NewContact(occurredAt: fixedNow, method: .phone, direction: .outbound, outcome: "no answer"), for: pair.merged)
                }
            }
            let before = try await MergeState.read(store, kept: pair.kept, merged: pair.merged)
            _ = try await store.sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").all()
            #expect(Self.size(live + "-wal") == 0, "everything committed is in the main file")
            await #expect(throws: Stopped.self) {
                try await store.change(by: .system("test"), at: fixedNow) { tx in
                    _ = try await tx.db.raw("PRAGMA cache_size = 8").all()
                    _ = try await tx.mergePeople(kept: pair.kept, merged: pair.merged)
                    // Killed here: what is on disk is what a restart finds.
                    try FileManager.default.copyItem(atPath: live, toPath: killed)
                    try FileManager.default.copyItem(atPath: live + "-wal", toPath: killed + "-wal")
                    throw Stopped()
                }
            }
            #expect(Self.size(killed + "-wal") > 0, "the uncommitted merge had reached the WAL on disk")
            try await Self.withSQLiteFile(killed) { restarted in
                #expect(try await restarted.sql.raw("PRAGMA integrity_check").first(decodingColumn: "integrity_check", as: String.self) == "ok")
                #expect(try await MergeState.read(restarted, kept: pair.kept, merged: pair.merged) == before, "nothing of the merge is left")
                _ = try await Self.merge(restarted, pair)
                let once = try await MergeState.read(restarted, kept: pair.kept, merged: pair.merged)
                #expect(once.kept["contact"]?.count == 2_001 && once.merged["contact"]?.isEmpty == true)
                #expect(once.kept["person_alias"]?.count == 1)
                #expect(once.merges == 1 && once.listedRows == 2_003 && once.mergedInto == pair.kept)
            }
        }
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    static func withSQLiteFile(_ path: String, _ body: (Store) async throws -> Void) async throws {
        var logger = Logger(label: "waymark.test")
        logger.logLevel = .warning
        let database = try await StoreDatabase.open(.sqliteFile(path: path), logger: logger)
        do {
            try await body(Store(database: database))
            try await database.close()
        } catch {
            try? await database.close()
            throw error
        }
    }

    /// A statement on the ended backend's connection could wait for ever; `PostgresPoolDatabase` now
    /// ends such a wait when the connection closes. Alone it takes about a second. No time limit: in a
    /// full run its time includes waiting for one of the six PostgreSQL test stores, which can take
    /// most of the run (that wait was mistaken for a hang before).
    @Test(.enabled(if: TestDatabases.postgresURL != nil))
    func aMergeWhoseConnectionDiesHalfWayLeavesNothingAndARerunMergesOnce() async throws {
        try await TestDatabases.withFreshStore(.postgres) { store in
            let pair = try await MergeTests.twoRecordsOfOnePerson(store)
            let before = try await MergeState.read(store, kept: pair.kept, merged: pair.merged)
            // Addresses and activities move before contacts: holding the contact row stops the merge between them.
            let holder = try await RowLock.hold(store, "SELECT id FROM contact WHERE person_id = \(bind: pair.merged) FOR UPDATE")
            let backend = Latch<Int>()
            let merging = Task {
                try await store.change(by: .system("test"), at: fixedNow) { tx in
                    await backend.set(try await PostgresSessions.backendPID(tx))
                    return try await tx.mergePeople(kept: pair.kept, merged: pair.merged)
                }
            }
            try await holder.releasing {
                let pid = await backend.value()
                let waiting = try await PostgresSessions.waitUntilWaitingOnALock(store, pid: pid)
                #expect(waiting.contains("\"contact\""), "stopped at the contacts, with addresses and activities already moved: \(waiting)")
                let ended = try await PostgresSessions.terminate(store, pid: pid)
                #expect(ended)
                // (Not ended, it would wait for the lock for ever: it is awaited after the release below.)
                if ended { await #expect(throws: (any Error).self) { _ = try await merging.value } }
            }
            _ = await merging.result

            #expect(try await MergeState.read(store, kept: pair.kept, merged: pair.merged) == before, "nothing of the merge is left")
            _ = try await Self.merge(store, pair)
            let once = try await MergeState.read(store, kept: pair.kept, merged: pair.merged)
            var expected = Self.mergedOnce(before, into: pair.kept)
            expected.kept["person_alias"] = once.kept["person_alias"]
            #expect(once.kept["person_alias"]?.count == 1)
            #expect(once == expected)
        }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil))
    func twoMergesOfOnePairAtOnceMakeOneMerge() async throws {
        try await TestDatabases.withFreshStore(.postgres) { store in
            let pair = try await MergeTests.twoRecordsOfOnePerson(store)
            let before = try await MergeState.read(store, kept: pair.kept, merged: pair.merged)
            // The first merge is held half-way; the second (a double click, another officer) starts meanwhile.
            let holder = try await RowLock.hold(store, "SELECT id FROM contact WHERE person_id = \(bind: pair.merged) FOR UPDATE")
            let firstBackend = Latch<Int>(), secondBackend = Latch<Int>()
            func merging(_ backend: Latch<Int>) -> Task<Int64, any Error> {
                Task {
                    try await store.change(by: .system("test"), at: fixedNow) { tx in
                        await backend.set(try await PostgresSessions.backendPID(tx))
                        return try await tx.mergePeople(kept: pair.kept, merged: pair.merged)
                    }
                }
            }
            let first = merging(firstBackend)
            let second = try await holder.releasing {
                _ = try await PostgresSessions.waitUntilWaitingOnALock(store, pid: await firstBackend.value())
                let second = merging(secondBackend)
                _ = try await PostgresSessions.waitUntilWaitingOnALock(store, pid: await secondBackend.value())
                return second
            }

            let outcomes = [await first.result, await second.result]
            #expect(outcomes.filter { (try? $0.get()) != nil }.count == 1, "one merge")
            let refusals = outcomes.compactMap { outcome -> MergeError? in
                if case .failure(let error) = outcome { return error as? MergeError }
                return nil
            }
            #expect(refusals == [.alreadyMerged(pair.merged)], "the other sees it done and changes nothing")
            let after = try await MergeState.read(store, kept: pair.kept, merged: pair.merged)
            var expected = Self.mergedOnce(before, into: pair.kept)
            expected.kept["person_alias"] = after.kept["person_alias"]
            #expect(after.kept["person_alias"]?.count == 1, "one former name on the kept record")
            #expect(after == expected)
        }
    }
}

/// A value one task hands another, waited for.
actor Latch<Value: Sendable> {
    private var stored: Value?
    private var waiting: [CheckedContinuation<Value, Never>] = []

    func set(_ value: Value) {
        stored = value
        waiting.forEach { $0.resume(returning: value) }
        waiting = []
    }

    func value() async -> Value {
        if let stored { return stored }
        return await withCheckedContinuation { waiting.append($0) }
    }
}

/// Row locks held in a transaction of their own (on PostgreSQL) until released, to stop another
/// transaction at a chosen statement; what the statement changed commits on release.
struct RowLock {
    let released: Latch<Bool>
    let task: Task<Void, any Error>
    /// The holding session, which the stopped ones name in `pg_blocking_pids`.
    let pid: Int

    static func hold(_ store: Store, _ statement: SQLQueryString) async throws -> RowLock {
        let locked = Latch<Int?>(), released = Latch<Bool>()
        let task = Task {
            do {
                try await store.database.transaction { db in
                    let pid = try await db.raw("SELECT pg_backend_pid() AS pid").first()?.decode(column: "pid", as: Int.self)
                    _ = try await db.raw(statement).all()
                    await locked.set(pid ?? -1)
                    _ = await released.value()
                }
            } catch {
                await locked.set(nil)
                throw error
            }
        }
        guard let pid = await locked.value() else {
            try await task.value
            throw CancellationError()
        }
        return RowLock(released: released, task: task, pid: pid)
    }

    func release() async {
        await released.set(true)
        _ = await task.result
    }

    /// Runs `body` and releases the locks after it, whether or not it threw: a lock
    /// left held would keep the test's store (and its schema) from closing.
    func releasing<R: Sendable>(_ body: () async throws -> R) async throws -> R {
        do {
            let result = try await body()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }
}

/// PostgreSQL's view of its sessions, to stop and end one on purpose.
enum PostgresSessions {
    static func backendPID(_ tx: ChangeTransaction) async throws -> Int {
        try await tx.db.raw("SELECT pg_backend_pid() AS pid").first()?.decode(column: "pid", as: Int.self) ?? -1
    }

    /// Waits (boundedly) until the session waits for a lock; returns the statement it is stopped at.
    static func waitUntilWaitingOnALock(_ store: Store, pid: Int) async throws -> String {
        for _ in 0..<3_000 {
            if let row = try await store.sql.raw("SELECT wait_event_type, query FROM pg_stat_activity WHERE pid = \(bind: pid)").first(),
               try row.decode(column: "wait_event_type", as: String?.self) == "Lock"
            {
                return try row.decode(column: "query", as: String.self)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw PostgresSessionError.neverWaited(pid: pid)
    }

    /// Waits (boundedly) until some session is stopped by `holder`'s locks; returns the statement it is stopped at.
    static func waitUntilBlocked(by holder: RowLock, _ store: Store) async throws -> String {
        for _ in 0..<3_000 {
            if let row = try await store.sql.raw("""
                SELECT query FROM pg_stat_activity WHERE CAST(\(bind: holder.pid) AS integer) = ANY(pg_blocking_pids(pid))
                """).first() {
                return try row.decode(column: "query", as: String.self)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw PostgresSessionError.neverWaited(pid: holder.pid)
    }

    /// Ends the session as the server does when its client dies: its transaction is rolled back.
    static func terminate(_ store: Store, pid: Int) async throws -> Bool {
        try await store.sql.raw("SELECT pg_terminate_backend(CAST(\(bind: pid) AS integer)) AS ended").first()?.decode(column: "ended", as: Bool.self) ?? false
    }

    enum PostgresSessionError: Error {
        case neverWaited(pid: Int)
    }
}
