import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// A router-level test: a fresh database on the engine, one LA, one signed-up user.
struct WebTestHarness {
    static let email = "adviser@northmere.example"
    static let password = "correct horse battery"
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let defaultReturnsDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-test-returns").path

    static func run(
        _ engine: DatabaseEngine, role: Role = .personalAdviser, returnsDirectory: String? = nil, clock: TestClock = TestClock(),
        hasher: PasswordHasher = .forTests,
        _ body: @escaping @Sendable (any TestClientProtocol, Store) async throws -> Void
    ) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let laID = try await store.change(by: .system("test"), at: now) { tx in
                try await tx.createOrganisation(NewOrganisation(kind: .localAuthority, name: DemoAuthority.name, laCode: DemoAuthority.code))
            }
            _ = try await UserAccounts(store: store, cost: 4).add(
                email: email, displayName: "Liam O'Connor", role: role, password: password, organisationID: laID,
                by: .system("test"), at: now)
            let services = WebServices(
                store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode,
                returnsDirectory: returnsDirectory ?? defaultReturnsDirectory,
                passwordCost: 4, passwordHasher: hasher, trustForwardedFor: true, now: { clock.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(), logger: .init(label: "test"))
            try await app.test(.router) { client in try await body(client, store) }
        }
    }
}

extension PasswordHasher {
    /// Tests run side by side in one process; the server's default queue would refuse some of their sign-ins.
    static let forTests = PasswordHasher(threads: 2, queueLimit: 100_000)
}

/// A clock a test moves by hand, so waits are checked without waiting.
final class TestClock: @unchecked Sendable {
    // Guarded by `lock`: requests read it from other tasks.
    private var current: Date
    private let lock = NSLock()

    init(_ start: Date = WebTestHarness.now) {
        current = start
    }

    var now: Date { lock.withLock { current } }

    func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}

/// Jobs the pages queued, run as `waymark serve` runs them.
extension WebTestHarness {
    static func jobRunner(_ store: Store, returnsDirectory: String? = nil, handlers: [String: any JobHandler]? = nil,
                          settings: JobRunner.Settings = JobRunner.Settings()) throws -> JobRunner {
        let standard = StandardJobs(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode,
                                    returnsDirectory: returnsDirectory ?? defaultReturnsDirectory, now: { now })
        return JobRunner(store: store, handlers: handlers ?? standard.handlers, settings: settings, logger: .init(label: "test-jobs"), now: { now })
    }

    /// Runs every queued job to its end through the runner's own path; returns how many ran.
    @discardableResult
    static func runJobs(_ store: Store, returnsDirectory: String? = nil) async throws -> Int {
        try await jobRunner(store, returnsDirectory: returnsDirectory).drain()
    }

    /// Runs `body` with a runner polling in the background, as on a server, for
    /// journeys in a real browser; the runner is stopped and awaited before the
    /// store can close under it.
    static func withBackgroundJobs<Result: Sendable>(
        _ store: Store, returnsDirectory: String? = nil, _ body: () async throws -> Result
    ) async throws -> Result {
        let runner = try jobRunner(store, returnsDirectory: returnsDirectory, settings: JobRunner.Settings(pollInterval: .milliseconds(50)))
        let running = Task { await runner.run() }
        do {
            let result = try await body()
            running.cancel()
            await running.value
            return result
        } catch {
            running.cancel()
            await running.value
            throw error
        }
    }
}

/// Cookies and form posts, as a browser would send them.
extension TestClientProtocol {
    func form(_ uri: String, _ fields: [String: String], cookies: [String: String], from client: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        if let client { headers[.xForwardedFor] = client }
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        let body = fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .sorted().joined(separator: "&")
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func get(_ uri: String, cookies: [String: String] = [:]) async throws -> TestResponse {
        var headers = HTTPFields()
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        return try await execute(uri: uri, method: .get, headers: headers)
    }

    /// Fetches the sign-in page and signs in; returns the cookies a browser would then hold.
    /// `client` is the address the request comes from (the harness trusts X-Forwarded-For).
    func signIn(
        email: String = WebTestHarness.email, password: String = WebTestHarness.password, from client: String? = nil
    ) async throws -> (response: TestResponse, cookies: [String: String]) {
        let page = try await get("/sign-in")
        let csrf = try #require(page.cookie(CSRFMiddleware.preSessionCookie))
        let response = try await form("/sign-in", ["email": email, "password": password, "csrf": csrf],
                                      cookies: [CSRFMiddleware.preSessionCookie: csrf], from: client)
        var cookies = [CSRFMiddleware.preSessionCookie: csrf]
        if let session = response.cookie(SessionMiddleware.cookieName) { cookies[SessionMiddleware.cookieName] = session }
        return (response, cookies)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The value a Set-Cookie header gave a cookie.
    func cookie(_ name: String) -> String? {
        for header in headers[values: .setCookie] {
            let first = header.split(separator: ";")[0]
            let parts = first.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0] == name { return String(parts[1]) }
        }
        return nil
    }

    /// The hidden CSRF field of the first form on a page.
    var csrfField: String? {
        guard let range = text.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "\"" })
    }
}
