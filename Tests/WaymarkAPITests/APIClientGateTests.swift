import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing
import WaymarkAPI
import WaymarkApp
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// The API's gate on both engines: a live token or 401, within the client's
/// calls a minute or 429, its scopes or 403; errors as problem+json; the
/// document served as shipped; every call audited as the client.
@Suite struct APIClientGateTests {
    @Test(arguments: TestDatabases.engines)
    func withoutALiveTokenEveryOperationIsUnauthorised(_ engine: DatabaseEngine) async throws {
        let clock = APITestClock()
        try await APIFixture.run(engine, clock: clock) { client, store, app, fixture in
            for token in [nil, "wmk_not-a-token", "Basic abc", fixture.schoolClient.token + "x"] {
                let response = try await client.call(.get, "/people/\(fixture.year11)", token: token)
                #expect(response.status == .unauthorized, "\(token ?? "no token")")
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(response.json["status"] as? Int == 401)
            }
            let me = try await client.call(.get, "/client", token: fixture.schoolClient.token)
            #expect(me.status == .ok)
            #expect(me.json["name"] as? String == "Millbrook MIS" && me.json["role"] as? String == "careers-leader")
            #expect(me.json["scopes"] as? [String] == ["read:people", "write:destinations", "write:imports", "read:figures"])

            // Revoked: at once.
            try await app.apiClients.revoke(fixture.schoolClient.client.id, by: .system("test"), at: APIFixture.now)
            #expect(try await client.call(.get, "/client", token: fixture.schoolClient.token).status == .unauthorized)
            // Expired: the LA's token lasts 90 days.
            #expect(try await client.call(.get, "/client", token: fixture.laClient.token).status == .ok)
            clock.advance(by: 91 * 86_400)
            #expect(try await client.call(.get, "/client", token: fixture.laClient.token).status == .unauthorized)
            // The token itself is nowhere in the database: only its hash.
            let stored = try await store.sql.raw("SELECT token_hash, token_hint FROM api_client").all()
            for row in stored {
                let hash = try row.decode(column: "token_hash", as: String.self)
                #expect(hash.count == 64 && hash != fixture.laClient.token && hash != fixture.schoolClient.token)
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aClientOverItsCallsAMinuteWaitsForTheNextMinute(_ engine: DatabaseEngine) async throws {
        let clock = APITestClock()
        try await APIFixture.run(engine, clock: clock) { client, _, _, fixture in
            let token = fixture.readOnlyClient.token  // 3 calls a minute
            for _ in 1...3 { #expect(try await client.call(.get, "/client", token: token).status == .ok) }
            let limited = try await client.call(.get, "/client", token: token)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.contentType] == "application/problem+json")
            let wait = try #require(limited.headers[.retryAfter].flatMap(Int.init))
            #expect((1...60).contains(wait))
            // Another client is not held up by this one.
            #expect(try await client.call(.get, "/client", token: fixture.laClient.token).status == .ok)
            clock.advance(by: TimeInterval(wait))
            #expect(try await client.call(.get, "/client", token: token).status == .ok, "a new minute, new calls")
        }
    }

    /// Calls counted together (PostgreSQL) or in memory (SQLite) still each take their own place in the minute.
    @Test(arguments: TestDatabases.engines)
    func callsArrivingAtOnceAreAdmittedOnlyUpToTheLimit(_ engine: DatabaseEngine) async throws {
        try await APIFixture.run(engine) { client, _, _, fixture in
            let token = fixture.readOnlyClient.token  // 3 calls a minute
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 1...12 { group.addTask { Int(try await client.call(.get, "/client", token: token).status.code) } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 200 }.count == 3)
            #expect(statuses.filter { $0 == 429 }.count == 9)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aScopeTheClientWasNotIssuedIsForbidden(_ engine: DatabaseEngine) async throws {
        try await APIFixture.run(engine) { client, _, _, fixture in
            let token = fixture.readOnlyClient.token
            let post = try await client.call(.post, "/people/\(fixture.year11)/intended-destinations", token: token, json: #"{"code":121}"#)
            #expect(post.status == .forbidden)
            #expect((post.json["detail"] as? String)?.contains("write:destinations") == true)
            #expect(try await client.call(.get, "/figures", token: token).status == .forbidden)
            // A school's client with read:figures still may not read the LA's figures: its role may not.
            let figures = try await client.call(.get, "/figures", token: fixture.schoolClient.token)
            #expect(figures.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aClientIsIssuedOnlyScopesItsRoleCanUse(_ engine: DatabaseEngine) async throws {
        try await APIFixture.run(engine) { _, _, app, fixture in
            for (role, scopes, field) in [
                (Role.careersLeader, Set([APIScope.readReturns]), "scopes"), (.careersLeader, [.writeActivities], "scopes"),
                (.dataManager, [.readPeople], "role"), (.administrator, [.readPeople], "role"), (.careersLeader, [], "scopes"),
            ] {
                do {
                    _ = try await app.apiClients.issue(name: "x", organisationID: fixture.schoolA, role: role, scopes: scopes, by: .system("test"), at: APIFixture.now)
                    Issue.record("\(role) with \(scopes) was issued")
                } catch let problem as APIClientProblem {
                    #expect(problem.field == field, "\(role) \(scopes): \(problem)")
                }
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theDocumentIsServedAndUndocumentedMethodsAreNotAllowed(_ engine: DatabaseEngine) async throws {
        try await APIFixture.run(engine) { client, _, _, fixture in
            let document = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(document.status == .ok)
            #expect(document.text == APIDocument.yaml && document.text.hasPrefix("openapi: 3.1.0"))
            let reference = try await client.execute(uri: "/api", method: .get)
            #expect(reference.status == .ok)
            #expect(reference.text.contains("<code>POST /people/{personId}/intended-destinations</code>"))
            let put = try await client.call(.put, "/people/\(fixture.year11)", token: fixture.schoolClient.token)
            #expect(put.status == .methodNotAllowed && put.headers[.allow] == "GET")
            #expect(put.headers[.contentType] == "application/problem+json")
            for method in [HTTPRequest.Method.trace, .options, HTTPRequest.Method("QUERY")!] {
                let answer = try await client.call(method, "/people/\(fixture.year11)", token: fixture.schoolClient.token)
                #expect(answer.status == .methodNotAllowed && answer.headers[.allow] == "GET", "\(method)")
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func everyCallIsAuditedAsTheClient(_ engine: DatabaseEngine) async throws {
        try await APIFixture.run(engine) { client, store, _, fixture in
            let before = try await store.sql.raw("SELECT COALESCE(MAX(id), 0) AS n FROM audit_event").first(decodingColumn: "n", as: Int64.self) ?? 0
            #expect(try await client.call(.get, "/people/\(fixture.year11)", token: fixture.schoolClient.token).status == .ok)
            #expect(try await client.call(.get, "/people?q=Okafor", token: fixture.schoolClient.token).status == .ok)
            let events = try await store.sql.raw(
                "SELECT actor_user_id, entity, person_id FROM audit_event WHERE id > \(bind: before) AND action = 'view' ORDER BY id").all()
            #expect(events.count == 2)
            for event in events {
                #expect(try event.decode(column: "actor_user_id", as: Int64?.self) == fixture.schoolClient.client.userID)
            }
            #expect(try events.first?.decode(column: "person_id", as: Int64?.self) == fixture.year11)
            #expect(try events.last?.decode(column: "entity", as: String.self) == "search")
        }
    }
}
