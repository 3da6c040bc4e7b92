import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import WaymarkCore
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

struct SignInTests {
    @Test(arguments: TestDatabases.engines)
    func healthAnswersWithTheEngine(engine: DatabaseEngine) async throws {
        try await WebTestHarness.run(engine) { client, _ in
            let response = try await client.get("/health")
            #expect(response.status == .ok)
            #expect(response.text.contains("\"database\":\"\(engine.rawValue)\""))
        }
    }

    @Test func metricsAreServedAsPrometheusText() async throws {
        try await WebTestHarness.run(.sqlite) { client, _ in
            let response = try await client.get("/metrics")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
        }
    }

    @Test func theHomePageNeedsASignedInUser() async throws {
        try await WebTestHarness.run(.sqlite) { client, _ in
            let response = try await client.get("/")
            #expect(response.status == .seeOther || response.status == .found)
            #expect(response.headers[.location] == "/sign-in")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func signingInShowsTheHeadlineCountsAndSigningOutEndsTheSession(engine: DatabaseEngine) async throws {
        try await WebTestHarness.run(engine) { client, store in
            // when
            let (response, cookies) = try await client.signIn()
            // then
            #expect(response.status == .seeOther)
            #expect(cookies[SessionMiddleware.cookieName] != nil)
            let home = try await client.get("/", cookies: cookies)
            #expect(home.status == .ok)
            #expect(home.text.contains("Young people today"))
            #expect(home.text.contains("NEET or not known"))
            #expect(home.text.contains("Liam O&#39;Connor") || home.text.contains("Liam O'Connor"))
            // and signing out (with the session's CSRF token) ends it
            let csrf = try #require(home.csrfField)
            let out = try await client.form("/sign-out", ["csrf": csrf], cookies: cookies)
            #expect(out.headers[.location] == "/sign-in")
            let after = try await client.get("/", cookies: cookies)
            #expect(after.headers[.location] == "/sign-in")
            let actions = try await store.sql.select().column("action").from("audit_event").orderBy("id")
                .all(decodingColumn: "action", as: String.self)
            #expect(actions.suffix(2) == ["sign-in", "sign-out"])
        }
    }

    @Test func aWrongPasswordIsRefusedWithAnErrorSummaryAndAudited() async throws {
        try await WebTestHarness.run(.sqlite) { client, store in
            let (response, cookies) = try await client.signIn(password: "not the password")
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("There is a problem"))
            #expect(response.text.contains("href=\"#email\""))
            #expect(cookies[SessionMiddleware.cookieName] == nil)
            let failed = try await store.sql.select().column("action").from("audit_event").where("action", .equal, "sign-in-failed")
                .all(decodingColumn: "action", as: String.self)
            #expect(failed.count == 1)
        }
    }

    @Test func repeatedFailuresThrottleEvenTheRightPassword() async throws {
        try await WebTestHarness.run(.sqlite) { client, _ in
            for _ in 0..<SignInThrottlePolicy.standard.perAccount.freeFailures { _ = try await client.signIn(password: "wrong password") }
            let (response, cookies) = try await client.signIn()
            #expect(response.status == .tooManyRequests)
            #expect(cookies[SessionMiddleware.cookieName] == nil)
        }
    }

    @Test func aPostWithoutTheCSRFTokenIsRejected() async throws {
        try await WebTestHarness.run(.sqlite) { client, _ in
            let response = try await client.form(
                "/sign-in", ["email": WebTestHarness.email, "password": WebTestHarness.password], cookies: [:])
            #expect(response.status == .forbidden)
            let forged = try await client.form(
                "/sign-in", ["email": WebTestHarness.email, "password": WebTestHarness.password, "csrf": "guess"],
                cookies: [CSRFMiddleware.preSessionCookie: "another"])
            #expect(forged.status == .forbidden)
        }
    }
}
