import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// The sign-in throttle through the router: parallel guesses, per-client
/// limits, doubling waits, and input that is refused before it is stored.
@Suite struct SignInThrottleTests {
    static let policy = SignInThrottlePolicy.standard

    static func rows(_ store: Store) async throws -> Int {
        try await store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("sign_in_attempt")
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    static func failedAudits(_ store: Store) async throws -> Int {
        try await store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_event")
            .where("action", .equal, "sign-in-failed").first(decodingColumn: "n", as: Int.self) ?? 0
    }

    @Test(arguments: TestDatabases.engines)
    func parallelWrongGuessesAreAdmittedOnlyUpToTheLimit(engine: DatabaseEngine) async throws {
        try await WebTestHarness.run(engine) { client, store in
            // given: nine guesses at one account, each from its own address so only the account limit applies
            let guesses = 9
            // when
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<guesses {
                    group.addTask { try await client.signIn(password: "guess \(index)", from: "203.0.113.\(index + 1)").response.status }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            // then: at most the free failures reached bcrypt; the rest waited. A request the loaded
            // test machine fails outright (SQLite's one connection timing out) is neither.
            let free = Self.policy.perAccount.freeFailures
            let checked = statuses.filter { $0 == .unauthorized }.count
            let failedOutright = statuses.filter { $0 != .unauthorized && $0 != .tooManyRequests }.count
            #expect(checked <= free)
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= guesses - free - failedOutright)
            let recorded = try await Self.rows(store)
            #expect(recorded <= free && recorded >= checked, "a throttled attempt stores nothing")
            #expect(try await Self.failedAudits(store) == checked)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func oneClientSprayingManyAccountsIsHeldBackButOthersAreNot(engine: DatabaseEngine) async throws {
        try await WebTestHarness.run(engine) { client, store in
            let sprayer = "198.51.100.9"
            for index in 0..<Self.policy.perClient.freeFailures {
                let (response, _) = try await client.signIn(email: "nobody\(index)@northmere.example", password: "guess", from: sprayer)
                #expect(response.status == .unauthorized)
            }
            let (held, heldCookies) = try await client.signIn(from: sprayer)
            #expect(held.status == .tooManyRequests, "even a right password waits once the client is over its limit")
            #expect(held.headers[.retryAfter] == String(Int(Self.policy.perClient.firstDelay)))
            #expect(heldCookies[SessionMiddleware.cookieName] == nil)
            let (other, otherCookies) = try await client.signIn(from: "192.0.2.44")
            #expect(other.status == .seeOther && otherCookies[SessionMiddleware.cookieName] != nil)
            #expect(try await Self.failedAudits(store) == 0, "failures against unknown addresses are not audited")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func eachFailureBeyondTheLimitDoublesTheWaitAndTheOwnerGetsInAfterIt(engine: DatabaseEngine) async throws {
        let clock = TestClock()
        try await WebTestHarness.run(engine, clock: clock) { client, _ in
            let limit = Self.policy.perAccount
            for index in 0..<limit.freeFailures {
                _ = try await client.signIn(password: "wrong", from: "203.0.113.\(index + 1)")
            }
            // when the next attempt comes at once
            let first = try await client.signIn(from: "192.0.2.1").response
            // then it waits the first delay, told on the page and in Retry-After
            #expect(first.status == .tooManyRequests)
            #expect(first.headers[.retryAfter] == "60")
            #expect(first.text.contains("Wait 1 minute, then try again"))
            #expect(first.text.contains("href=\"#email\""))
            // a guess after the wait is checked, and the wait after it doubles
            clock.advance(by: 60)
            #expect(try await client.signIn(password: "wrong", from: "203.0.113.99").response.status == .unauthorized)
            let second = try await client.signIn(from: "192.0.2.1").response
            #expect(second.status == .tooManyRequests)
            #expect(second.headers[.retryAfter] == "120")
            #expect(second.text.contains("Wait 2 minutes"))
            clock.advance(by: 119)
            #expect(try await client.signIn(from: "192.0.2.1").response.headers[.retryAfter] == "1")
            // the owner, from a client that is not throttled, gets in once the policy's wait is over
            clock.advance(by: 1)
            #expect(try await client.signIn(from: "192.0.2.1").response.status == .seeOther)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func overLongInputIsRefusedAndNothingIsStored(engine: DatabaseEngine) async throws {
        try await WebTestHarness.run(engine) { client, store in
            let longEmail = String(repeating: "a", count: 250) + "@northmere.example"
            let email = try await client.signIn(email: longEmail, password: "guess").response
            #expect(email.status == .unprocessableContent)
            #expect(email.text.contains("254 characters or fewer") && email.text.contains("href=\"#email\""))
            #expect(!email.text.contains(String(repeating: "a", count: 250)), "the refused address is not echoed")
            let password = try await client.signIn(password: String(repeating: "p", count: 2_000)).response
            #expect(password.status == .unprocessableContent)
            #expect(password.text.contains("href=\"#password\""))
            #expect(try await Self.rows(store) == 0)
            #expect(try await Self.failedAudits(store) == 0)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func attemptsOlderThanTheWindowArePrunedWhenTheNextIsRecorded(engine: DatabaseEngine) async throws {
        let clock = TestClock()
        try await WebTestHarness.run(engine, clock: clock) { client, store in
            for index in 0..<3 { _ = try await client.signIn(email: "x\(index)@northmere.example", password: "guess", from: "203.0.113.5") }
            #expect(try await Self.rows(store) == 3)
            clock.advance(by: Self.policy.window + 1)
            _ = try await client.signIn(email: "y@northmere.example", password: "guess", from: "203.0.113.5")
            #expect(try await Self.rows(store) == 1)
        }
    }

    @Test func aFullPasswordQueueAnswersBusyAndCountsNothing() async throws {
        let hasher = PasswordHasher(threads: 1, queueLimit: 0)
        let gate = BlockingGate()
        let blocker = Task { try await hasher.run { gate.block() } }
        await gate.waitUntilBlocked()
        try await WebTestHarness.run(.sqlite, hasher: hasher) { client, store in
            let response = try await client.signIn().response
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers[.retryAfter] != nil)
            #expect(response.text.contains("busy"))
            #expect(try await Self.rows(store) == 0, "an attempt whose password was never checked does not count")
        }
        gate.release()
        _ = try await blocker.value
        try await hasher.shutdown()
    }
}
