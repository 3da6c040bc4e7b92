import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// The figures page never computes in the request: it queues a job, shows
/// its progress, then the result with when it was computed; and it says so
/// when the figures shown are being recomputed or the work failed.
@Suite struct FiguresJobTests {
    static let refresh = "<meta http-equiv=\"refresh\" content=\"2\">"

    @Test(arguments: TestDatabases.engines)
    func withNoRunnerARequestQueuesOneJobAndShowsProgress(_ engine: DatabaseEngine) async throws {
        try await WebTestHarness.run(engine, role: .manager) { client, store in
            try await FiguresPageTests.demo(store)
            let (_, cookies) = try await client.signIn()
            let first = try await client.get("/figures?month=2026-10", cookies: cookies)
            let second = try await client.get("/figures?month=2026-10", cookies: cookies)
            for page in [first, second] {
                #expect(page.status == .ok)
                #expect(page.text.contains(Self.refresh), "the page checks again by itself, without JavaScript")
                #expect(page.text.contains("href=\"/figures?month=2026-10\">Refresh</a>"))
                #expect(page.text.contains("Waiting to start computing the figures"))
                // The headline and trend are read from the kept timelines; the breakdowns wait for the job.
                #expect(page.text.contains("Trend month by month"))
                #expect(!page.text.contains("By academic age"), "no breakdowns were computed in the request")
            }
            let jobs = try await JobQueue(store: store).recent(kind: JobKind.figures.rawValue)
            #expect(jobs.count == 1, "the second request joined the first")
            #expect(jobs.first?.status == .queued)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func figuresBeingRecomputedAreShownAsSuch(_ engine: DatabaseEngine) async throws {
        try await WebTestHarness.run(engine, role: .manager) { client, store in
            try await FiguresPageTests.demo(store)
            let (_, cookies) = try await client.signIn()
            _ = try await client.get("/figures?month=2026-10", cookies: cookies)
            try await WebTestHarness.runJobs(store)
            let computed = try await client.get("/figures?month=2026-10", cookies: cookies)
            let csrf = try #require(computed.csrfField)
            #expect(computed.text.contains("Figures as at ") && computed.text.contains(" s."), "when they were computed, and how long it took")
            let asked = try await client.form("/figures", ["month": "2026-10", "csrf": csrf], cookies: cookies)
            #expect(asked.headers[.location] == "/figures?month=2026-10")
            let recomputing = try await client.get("/figures?month=2026-10", cookies: cookies)
            #expect(recomputing.text.contains("Trend month by month"), "the last figures stay on the page")
            #expect(recomputing.text.contains("is from an earlier run and is being recomputed"))
            #expect(recomputing.text.contains(Self.refresh))
            #expect(try await WebTestHarness.runJobs(store) == 1)
            #expect(!(try await client.get("/figures?month=2026-10", cookies: cookies).text.contains("being recomputed")))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aFailedComputationIsShownWithItsReason(_ engine: DatabaseEngine) async throws {
        try await WebTestHarness.run(engine, role: .manager) { client, store in
            let (_, cookies) = try await client.signIn()
            _ = try await client.get("/figures?month=2026-10", cookies: cookies)
            struct Refusing: JobHandler {
                func run(_ job: StoredJob, progress: JobProgress) async throws -> JobOutcome {
                    throw JobFailure("The figures could not be computed: the database was being restored.")
                }
            }
            let runner = try WebTestHarness.jobRunner(store, handlers: [JobKind.figures.rawValue: Refusing()])
            #expect(await runner.drain() == 1)
            let page = try await client.get("/figures?month=2026-10", cookies: cookies)
            #expect(page.text.contains("failed. The figures could not be computed: the database was being restored."))
            #expect(!page.text.contains(Self.refresh), "a failure is not retried on every refresh")
            #expect(try await JobQueue(store: store).recent(kind: JobKind.figures.rawValue).count == 1)
        }
    }
}
