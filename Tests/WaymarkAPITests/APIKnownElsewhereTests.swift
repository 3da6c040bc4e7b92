import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// "Known elsewhere?" through the API, on both engines: identifiers of a
/// young person in the client's records in, other authorities' codes out
/// (never a name), audited as the client, and 429 once the hour's look-ups
/// are spent.
@Suite struct APIKnownElsewhereTests {
    static let amara = #"{"givenName":"AMARA","familyName":"okafor","dateOfBirth":"2009-03-14"}"#

    /// The index at the fixture's LA holds its own publication and Kent's (which also has Amara Okafor).
    func loadIndex(_ app: AppServices, kent: APIOtherAuthority) async throws {
        _ = try await kent.addPerson(given: "Amara", family: "Okafor", born: "2009-03-14", uln: "1234567897")
        let kentFile = try await kent.publish()
        let desk = app.knownElsewhere
        try await desk.setRegionKey(id: "region-1", base64: APIOtherAuthority.regionKey, by: .system("test"), at: APIFixture.now)
        let ownFile = try await APIOtherAuthority.publish(desk)
        for (path, sha) in [(kentFile, "k"), (ownFile, "o")] {
            _ = try await desk.load(try KnownElsewhereFileSource(path: path), fileSHA256: sha, by: .system("test"), at: APIFixture.now)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aLookUpAnswersAuthorityCodesOnlyAndIsAuditedAsTheClient(_ engine: DatabaseEngine) async throws {
        try await APIOtherAuthority.run(engine) { kent in
            try await APIFixture.run(engine) { client, store, app, fixture in
                let token = fixture.laClient.token
                // No region key yet: the index cannot be asked.
                let early = try await client.call(.post, "/known-elsewhere/lookups", token: token, json: Self.amara)
                #expect(early.status == .conflict, "\(early.text)")
                try await loadIndex(app, kent: kent)
                // when
                let answer = try await client.call(.post, "/known-elsewhere/lookups", token: token, json: Self.amara)
                // then
                #expect(answer.status == .ok, "\(answer.text)")
                #expect(answer.json["laCodes"] as? [String] == ["886"], "Kent, never the asking LA itself")
                #expect(answer.json["lookupsLeft"] as? Int == 59)
                for word in ["Amara", "AMARA", "Okafor", "okafor", "Kent", "2009"] { #expect(!answer.text.contains(word), "no name or date: \(word)") }
                let audited = try await store.sql.raw(
                    "SELECT person_id, actor_user_id FROM audit_event WHERE entity = 'known_elsewhere' ORDER BY id").all()
                #expect(audited.count == 1)
                #expect(try audited.first?.decode(column: "person_id", as: Int64.self) == fixture.leaverA)
                #expect(try audited.first?.decode(column: "actor_user_id", as: Int64.self) == fixture.laClient.client.userID)

                // Nobody in the records with these identifiers: 404, whoever holds them elsewhere.
                let stranger = try await client.call(.post, "/known-elsewhere/lookups", token: token, json: #"{"uln":"1234567897"}"#)
                #expect(stranger.status == .notFound, "Kent's ULN is not one of ours: \(stranger.text)")
                let zara = try await client.call(
                    .post, "/known-elsewhere/lookups", token: token, json: #"{"givenName":"Zara","familyName":"Okafor","dateOfBirth":"2009-04-20"}"#)
                #expect(zara.status == .ok && zara.json["laCodes"] as? [String] == [])
                // Rules the schema cannot say, naming the field.
                let both = try await client.call(.post, "/known-elsewhere/lookups", token: token, json: #"{"upn":"A123456789012","uln":"1234567897"}"#)
                #expect(both.status == .unprocessableContent && both.problemFields == ["body"])
                let none = try await client.call(.post, "/known-elsewhere/lookups", token: token, json: "{}")
                #expect(none.status == .unprocessableContent && none.problemFields == ["body"])
                let badULN = try await client.call(.post, "/known-elsewhere/lookups", token: token, json: #"{"uln":"12"}"#)
                #expect(badULN.status == .unprocessableContent && badULN.problemFields == ["uln"])
                let half = try await client.call(.post, "/known-elsewhere/lookups", token: token, json: #"{"givenName":"Amara"}"#)
                #expect(half.status == .unprocessableContent && Set(half.problemFields) == ["familyName", "dateOfBirth"])
                // Without the scope.
                let school = try await client.call(.post, "/known-elsewhere/lookups", token: fixture.schoolClient.token, json: Self.amara)
                #expect(school.status == .forbidden)
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theHoursLookUpsSpentAnswer429WithRetryAfter(_ engine: DatabaseEngine) async throws {
        let clock = APITestClock()
        try await APIOtherAuthority.run(engine) { kent in
            try await APIFixture.run(engine, clock: clock) { client, store, app, fixture in
                try await loadIndex(app, kent: kent)
                let token = fixture.laClient.token
                // given: the hour's 60 look-ups made, a second apart
                for made in 1...60 {
                    let answer = try await client.call(.post, "/known-elsewhere/lookups", token: token, json: Self.amara)
                    #expect(answer.status == .ok && answer.json["lookupsLeft"] as? Int == 60 - made)
                    clock.advance(by: 1)
                }
                // when
                let spent = try await client.call(.post, "/known-elsewhere/lookups", token: token, json: Self.amara)
                // then: 429, and the next is allowed when the first look-up is an hour old
                #expect(spent.status == .tooManyRequests, "\(spent.text)")
                #expect(spent.headers[.contentType] == "application/problem+json")
                #expect(spent.headers[.retryAfter] == "3541", "60 s have passed since the first; its hour ends a second after 3600 s")
                let audited = try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_event WHERE entity = 'known_elsewhere'").first(decodingColumn: "n", as: Int.self)
                #expect(audited == 60, "the refused look-up asked nothing")
                clock.advance(by: 3540)
                #expect(try await client.call(.post, "/known-elsewhere/lookups", token: token, json: Self.amara).status == .tooManyRequests, "a second early")
                clock.advance(by: 1)
                #expect(try await client.call(.post, "/known-elsewhere/lookups", token: token, json: Self.amara).status == .ok, "when Retry-After said")
            }
        }
    }
}
