import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WaymarkApp
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// Every route the router knows, sent malformed, oversized and malicious
/// requests as every role and signed out. No answer may be a server error,
/// a malformed body is always refused with a page that says why, script is
/// never echoed unescaped, and the server still answers afterwards.
@Suite struct HostileRequestTests {
    static let script = "<script>alert(1)</script>"
    static let sql = "1' OR '1'='1'; DROP TABLE young_person; --"

    /// Values put in every path parameter: ids that exist, ids that do not, and nonsense.
    static func parameterValues(_ fixture: AccessFixture) -> [String] {
        ["\(fixture.onCaseload)", "999", "-1", "9223372036854775808", "..%2F..%2Fetc%2Fpasswd", "%00", "%3Cscript%3E", "1e19", "%E2%80%AE"]
    }

    /// Every field name a Waymark form uses, so each handler meets hostile text in the fields it reads.
    static let fieldNames = [
        "address-from", "adviser", "appointment-at", "appointment-on", "appointment-place", "audience", "back", "body", "channel",
        "characteristic", "characteristic-from", "choice", "code", "contact-by", "date-ascertained", "date-verified", "days",
        "description", "detail-kind", "detail-value", "direction", "do-not-contact", "due-on", "email", "establishment-name",
        "establishment-number", "follow-up-on", "force", "keep", "kind", "level-of-need", "line-1", "line-2", "method", "month",
        "name", "neet-start-date", "next-step", "notes", "occurred-on", "organisation", "outcome", "password", "period-end", "person",
        "phone", "place", "postcode", "predicted-end-date", "q", "queue", "referrer", "review-date", "role", "school", "since-month",
        "since-year", "start-date", "status", "subject", "tier", "town", "ukprn", "ward", "year", "page", "member", "item",
        "start-date[day]", "start-date[month]", "start-date[year]", "occurred-on[year]", "due-on[]",
        // Referrals, the known-to register and the lead professional.
        "service", "purpose", "summary", "step", "reason", "words", "lead", "agreed", "worker", "involvement",
        "from-date", "from-date[day]", "from-date[month]", "from-date[year]", "to-date", "to-date[day]", "to-date[year]",
    ]

    static let hostileValues = [
        script, sql, "=", "%3D", "&&&", String(repeating: "x", count: 20_000), "9223372036854775808", "-9223372036854775809", "1e19",
        "NaN", "0000-00-00", "31/02/2026", "29/02/1900", "9999-12-31", "\u{202E}\u{0000}", "../../etc/passwd",
    ]

    static func path(_ route: Router<WebContext>.RouteDescription, value: String) -> String {
        let parts = route.path.description.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix(":") || part.hasPrefix("{") ? value : String(part)
        }
        let joined = parts.joined(separator: "/")
        return joined.isEmpty ? "/" : joined
    }

    static func urlEncoded(_ fields: [(String, String)]) -> String {
        fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
    }

    /// The request bodies that are malformed in themselves: each must be refused whatever the route.
    static func malformedBodies(csrf: String?) -> [(name: String, contentType: String, body: String)] {
        let token = csrf.map { "csrf=\($0)&" } ?? ""
        return [
            ("the multipart that trapped", "multipart/form-data; boundary=B", "--B\r\nX\r\n\r\n--B"),
            ("multipart without a boundary", "multipart/form-data", "--B\r\n\r\n--B--"),
            ("multipart with an empty boundary", "multipart/form-data; boundary=", "----\r\n\r\n----"),
            ("multipart truncated", "multipart/form-data; boundary=B",
             "--B\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf ?? "")\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nupn,"),
            ("form over the size limit", "application/x-www-form-urlencoded", token + "notes=" + String(repeating: "a", count: 300_000)),
            ("broken percent-encoding without a token", "application/x-www-form-urlencoded", "csrf=%ZZ%C3%28&notes=%E0%A4%A"),
        ]
    }

    @Test(arguments: TestDatabases.engines)
    func everyRouteRefusesHostileRequestsWithoutFailing(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4)
            let routes = buildRouter(services: services, templates: try await Templates.load()).routes
            #expect(routes.count >= 60, "the router lists its routes")
            var sessions: [(label: String, cookies: [String: String], csrf: String?)] = [("signed out", [:], nil)]
            for role in Role.allCases {
                let (_, cookies) = try await client.signIn(email: AccessFixture.email(role))
                let home = try await client.get("/", cookies: cookies)
                sessions.append((role.rawValue, cookies, home.csrfField))
            }
            var requests = 0
            for route in routes where route.path.description != "/sign-out" {
                for session in sessions {
                    for value in Self.parameterValues(fixture) {
                        let path = Self.path(route, value: value)
                        let response = try await Self.send(route.method, path, session: session, client: client)
                        requests += 1
                        Self.expectSafe(response, "\(route.method) \(path) as \(session.label)")
                        if route.path.description.contains(":") == false { break }
                    }
                    if route.method == .post {
                        let path = Self.path(route, value: "\(fixture.onCaseload)")
                        for (name, contentType, body) in Self.malformedBodies(csrf: session.csrf) {
                            let response = try await Self.raw(.post, path, contentType: contentType, body: body, cookies: session.cookies, client: client)
                            requests += 1
                            #expect((400..<500).contains(response.status.code), "\(name) to \(path) as \(session.label): \(response.status)")
                            Self.expectClearPage(response, "\(name) to \(path) as \(session.label)")
                        }
                    }
                }
            }
            #expect(requests > 1_000)
            let health = try await client.get("/health")
            #expect(health.status == .ok, "the server still answers after \(requests) hostile requests")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theAnonymousMultipartThatStoppedTheServerIsRefused(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, _, _ in
            for path in ["/sign-in", "/no-such-page", "/imports", "/"] {
                let response = try await Self.raw(.post, path, contentType: "multipart/form-data; boundary=B", body: "--B\r\nX\r\n\r\n--B",
                                                  cookies: [:], client: client)
                #expect((400..<500).contains(response.status.code), "\(path): \(response.status)")
            }
            #expect(try await client.get("/health").status == .ok)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aMalformedUploadFromADataManagerIsRefusedWithAReason(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, _, _ in
            let (_, cookies) = try await client.signIn(email: AccessFixture.email(.dataManager))
            let response = try await Self.raw(.post, "/imports", contentType: "multipart/form-data; boundary=B", body: "--B\r\nX\r\n\r\n--B",
                                              cookies: cookies, client: client)
            #expect(response.status == .badRequest)
            #expect(response.text.contains("could not be read"))
            let other = try await Self.raw(.post, "/people/1/contacts", contentType: "multipart/form-data; boundary=B",
                                           body: "--B\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nx\r\n--B--\r\n",
                                           cookies: cookies, client: client)
            #expect(other.status == .unsupportedMediaType, "only upload routes read multipart bodies")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aCampaignAudienceOfAnEqualsSignIsAFormError(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, _, _ in
            let (_, cookies) = try await client.signIn(email: AccessFixture.email(.trackingOfficer))
            let csrf = try #require(try await client.get("/campaigns", cookies: cookies).csrfField)
            let response = try await Self.raw(.post, "/campaigns", contentType: "application/x-www-form-urlencoded",
                                              body: "csrf=\(csrf)&audience=%3D&channel=sms&name=x&body=y", cookies: cookies, client: client)
            #expect((400..<500).contains(response.status.code), "\(response.status)")
            #expect(try await client.get("/health").status == .ok)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func everyAnswerCarriesTheSecurityHeaders(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, _, _ in
            for response in [try await client.get("/sign-in"), try await client.get("/no-such-page"), try await client.get("/waymark.css")] {
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(response.headers[.contentSecurityPolicy]?.contains("'unsafe-inline'") == false)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.referrerPolicy] == "no-referrer")
                #expect(response.headers[.strictTransportSecurity] == nil, "no HSTS when served over plain HTTP")
            }
        }
    }

    // MARK: - Sending and judging

    static func send(_ method: HTTPRequest.Method, _ path: String, session: (label: String, cookies: [String: String], csrf: String?),
                     client: any TestClientProtocol) async throws -> TestResponse {
        let query = urlEncoded(fieldNames.prefix(20).enumerated().map { ($0.element, hostileValues[$0.offset % hostileValues.count]) })
            + "&a[b][c][d][e][f][g][h][i][j][k]=1&days=1&days=2&days=3"
        if method == .get {
            return try await raw(.get, path + (path.contains("?") ? "&" : "?") + query, contentType: nil, body: nil, cookies: session.cookies, client: client)
        }
        var fields = fieldNames.enumerated().map { ($0.element, hostileValues[$0.offset % hostileValues.count]) }
        if let csrf = session.csrf { fields.insert(("csrf", csrf), at: 0) }
        return try await raw(method, path, contentType: "application/x-www-form-urlencoded", body: urlEncoded(fields),
                             cookies: session.cookies, client: client)
    }

    static func raw(_ method: HTTPRequest.Method, _ path: String, contentType: String?, body: String?, cookies: [String: String],
                    client: any TestClientProtocol) async throws -> TestResponse {
        var headers = HTTPFields()
        if let contentType { headers[.contentType] = contentType }
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        return try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    static func expectSafe(_ response: TestResponse, _ label: String) {
        #expect(response.status.code < 500, "\(label): \(response.status)")
        #expect(!response.text.contains(script), "\(label) echoed script unescaped")
        if (400..<500).contains(response.status.code) { expectClearPage(response, label) }
    }

    /// A refusal is a page with a heading that says what happened, not a bare
    /// status; the gateway's webhooks (machine to machine) answer a sentence in plain text.
    static func expectClearPage(_ response: TestResponse, _ label: String) {
        let text = response.text
        if response.headers[.contentType] == "application/problem+json" {
            // The API (machine to machine): a problem with a title and a detail in words.
            let problem = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
            #expect((problem?["title"] as? String)?.isEmpty == false && ((problem?["detail"] as? String)?.count ?? 0) > 10,
                    "\(label) answered \(response.status) without a problem saying what happened")
        } else if response.headers[.contentType]?.hasPrefix("text/plain") == true {
            #expect(text.count > 10 && text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("."), "\(label) answered \(response.status) without a reason")
        } else {
            #expect(text.contains("<h1") && text.contains("<title>"), "\(label) answered \(response.status) without a clear page")
        }
    }
}
