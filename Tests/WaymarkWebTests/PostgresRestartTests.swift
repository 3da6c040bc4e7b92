import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// PostgreSQL stopped and started again while pages and writes go through the
/// router: every answer is a normal one or a 503 saying the database is
/// unavailable (never a 500), the same server answers normally afterwards
/// without being restarted, and every write it acknowledged is in the database,
/// once. PostgreSQL is stopped in immediate mode, as a crash would stop it.
/// Stopping the cluster disturbs everyone else using it, so this runs
/// only when `WAYMARK_TEST_PG_RESTART=1`, on the cluster `WAYMARK_TEST_PG_CLUSTER`
/// names (CI gives it a second cluster of its own, as `scripts/pg-restart-drill`
/// has for the real server), and needs `pg_ctlcluster` and the rights to use it.
@Suite struct PostgresRestartTests {
    static let enabled = ProcessInfo.processInfo.environment["WAYMARK_TEST_PG_RESTART"] == "1" && TestDatabases.postgresURL != nil
    static let loops = 8
    /// The cluster to stop and start: `WAYMARK_TEST_PG_CLUSTER` (default `main`), so the drill can run
    /// against a cluster of its own while other work uses the usual one.
    static let clusterName = ProcessInfo.processInfo.environment["WAYMARK_TEST_PG_CLUSTER"] ?? "main"

    /// Answers are counted under the phase in which they arrive: `restart` runs from
    /// the stop being asked for until PostgreSQL has started again.
    enum Phase: String, Sendable, CaseIterable {
        case before, restart, after
    }

    /// What the load saw, by phase.
    actor Load {
        private(set) var phase = Phase.before
        private(set) var stopped = false
        private var statuses: [Phase: [Int: Int]] = [:]
        private(set) var acknowledged: [String] = []

        func enter(_ phase: Phase) { self.phase = phase }
        func stop() { stopped = true }

        func record(_ status: Int, write marker: String? = nil) {
            statuses[phase, default: [:]][status, default: 0] += 1
            if let marker, status == 303 { acknowledged.append(marker) }
        }

        func answered(in phase: Phase) -> Int { statuses[phase, default: [:]].values.reduce(0, +) }
        func succeeded(in phase: Phase) -> Int { statuses[phase, default: [:]].filter { $0.key < 400 }.values.reduce(0, +) }
        func statuses(in phase: Phase) -> [Int: Int] { statuses[phase, default: [:]] }
    }

    /// `pg_ctlcluster <newest version> main <arguments>`, as CI starts PostgreSQL; waited for on a thread of its
    /// own (on Linux, Dispatch's global queues share their few threads with the tasks making the load).
    @discardableResult
    static func cluster(_ arguments: String...) async throws -> Int32 {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Int32, any Error>) in
            Thread { done.resume(with: Result { try runCluster(arguments) }) }.start()
        }
    }

    /// Spawned and reaped with `posix_spawnp` and `waitpid` on the calling thread. Foundation's
    /// `Process` learns of the exit from a Dispatch source, which the load's tasks kept from running:
    /// the test waited for ever on a `start` that had finished. Output goes to /dev/null, or the
    /// server `start` leaves behind would hold the test run's own output open.
    static func runCluster(_ arguments: [String]) throws -> Int32 {
        let version = try FileManager.default.contentsOfDirectory(atPath: "/etc/postgresql").compactMap(Int.init).max()
        let argv = ["pg_ctlcluster", String(version ?? 15), clusterName] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "pg_ctlcluster", &actions, nil, cArguments, environ)
        guard spawned == 0 else { throw ClusterError(action: "spawn", status: spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw ClusterError(action: "wait", status: errno) }
        }
        // WIFEXITED and WEXITSTATUS, which Swift does not import.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Starts PostgreSQL until it says it runs (a stop that gave up may still finish after it): other
    /// people's work needs it whatever happened here.
    static func ensureRunning() async throws {
        for _ in 0..<120 {
            if try await cluster("status") == 0 { return }
            try await cluster("start")
            try await Task.sleep(for: .seconds(1))
        }
        throw ClusterError(action: "start", status: try await cluster("status"))
    }

    struct ClusterError: Error, CustomStringConvertible {
        let action: String
        let status: Int32
        var description: String { "pg_ctlcluster … \(action) exited \(status)" }
    }

    /// A line on standard error (not buffered), so a run that stops shows how far it got.
    static func note(_ line: String) {
        FileHandle.standardError.write(Data(("postgres restart: " + line + "\n").utf8))
    }

    /// Waits (boundedly) for the load to reach a point.
    static func until(_ load: Load, _ condition: @Sendable (Load) async -> Bool) async throws {
        for _ in 0..<6_000 {
            if await condition(load) { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("the load never got there")
    }

    @Test(.enabled(if: enabled), .timeLimit(.minutes(10)))
    func postgresRestartedUnderLoadAnswers503MeanwhileNeverFailsAndKeepsEveryAcknowledgedWrite() async throws {
        try await WebTestHarness.run(.postgres, role: .trackingOfficer) { client, store in
            let person = try await PersonPageTests.addPerson(store)
            let (_, cookies) = try await client.signIn()
            let csrf = try #require(try await client.get("/", cookies: cookies).csrfField)
            let load = Load()

            try await withThrowingTaskGroup(of: Void.self) { group in
                for loop in 0..<Self.loops {
                    group.addTask {
                        var turn = 0
                        while await !load.stopped {
                            turn += 1
                            switch turn % 4 {
                            case 0:
                                let marker = "restart-load-\(loop)-\(turn)"
                                let answer = try await client.form(
                                    "/people/\(person)/contacts",
                                    ["occurred-on": "2026-11-18", "method": "phone", "direction": "outbound", "outcome": "No answer", "notes": marker,
                                     "csrf": csrf],
                                    cookies: cookies)
                                await load.record(Int(answer.status.code), write: marker)
                            case 1: await load.record(Int(try await client.get("/", cookies: cookies).status.code))
                            case 2: await load.record(Int(try await client.get("/people/\(person)", cookies: cookies).status.code))
                            default: await load.record(Int(try await client.get("/search?q=Okafor", cookies: cookies).status.code))
                            }
                        }
                    }
                }
                group.addTask {
                    defer { Task { await load.stop() } }
                    try await Self.until(load) { await $0.succeeded(in: .before) >= 100 }
                    Self.note("\(await load.answered(in: .before)) answers; stopping PostgreSQL")
                    await load.enter(.restart)
                    // Immediate mode, as a crash stops it: no shutdown checkpoint to wait for, recovery from the WAL on start.
                    let stopped = try await Self.cluster("stop", "--mode", "immediate")
                    if stopped == 0 {
                        // Requests meet a stopped database for a while.
                        try await Self.until(load) { await $0.answered(in: .restart) >= 200 }
                    }
                    Self.note("stop exited \(stopped); \(await load.answered(in: .restart)) answers meanwhile; starting PostgreSQL")
                    try await Self.ensureRunning()
                    guard stopped == 0 else { throw ClusterError(action: "stop", status: stopped) }
                    Self.note("started")
                    await load.enter(.after)
                    // The pool reconnects by itself: wait for successes after the start, then keep the load on a while.
                    try await Self.until(load) { await $0.succeeded(in: .after) >= 200 }
                    Self.note("\(await load.answered(in: .after)) answers since the start; stopping the load")
                    await load.stop()
                }
                try await group.waitForAll()
            }

            Self.note("load stopped")
            for phase in Phase.allCases {
                print("postgres restart: \(phase.rawValue): \(await load.statuses(in: phase).sorted { $0.key < $1.key }.map { "\($0.value)×\($0.key)" }.joined(separator: ", "))")
            }
            for phase in Phase.allCases {
                let statuses = await load.statuses(in: phase)
                let unexpected = statuses.keys.filter { ![200, 303, 503].contains($0) }
                #expect(unexpected.isEmpty, "\(phase.rawValue): answers other than 200, 303 and 503: \(statuses)")
            }
            #expect(await load.statuses(in: .before).keys.allSatisfy { $0 < 400 }, "all well before the stop")
            #expect(await load.statuses(in: .restart)[503, default: 0] > 0, "the database was unavailable and the pages said so")

            // The same server, not restarted, answers normally.
            #expect(try await client.get("/", cookies: cookies).status == .ok)
            #expect(try await client.get("/people/\(person)", cookies: cookies).status == .ok)
            let last = "restart-load-after"
            let written = try await client.form(
                "/people/\(person)/contacts",
                ["occurred-on": "2026-11-18", "method": "phone", "direction": "outbound", "outcome": "No answer", "notes": last, "csrf": csrf],
                cookies: cookies)
            #expect(written.status == .seeOther)

            // Every acknowledged write is there, once.
            let stored = try await store.sql.select().column("summary").from("contact").where("person_id", .equal, person)
                .all(decodingColumn: "summary", as: String?.self).compactMap { $0 }
            let acknowledged = await load.acknowledged + [last]
            let missing = Set(acknowledged).subtracting(stored)
            #expect(missing.isEmpty, "\(missing.count) acknowledged writes are missing, e.g. \(missing.sorted().prefix(3))")
            #expect(stored.count == Set(stored).count, "no write was stored twice")
            print("postgres restart: \(acknowledged.count) writes acknowledged, \(stored.count) stored, \(missing.count) missing")
        }
    }
}
