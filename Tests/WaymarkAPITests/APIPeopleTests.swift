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

/// Finding, reading and telling the LA about young people through the API,
/// with the same reach, withheld classes and rules as the pages.
@Suite struct APIPeopleTests {
    @Test(arguments: TestDatabases.engines)
    func aSchoolsClientFindsAndReadsItsOwnPupilsOnly(_ engine: DatabaseEngine) async throws {
        try await APIFixture.run(engine) { client, _, _, fixture in
            let token = fixture.schoolClient.token
            let found = try await client.call(.get, "/people?q=Okafor", token: token)
            #expect(found.status == .ok)
            let ids = (found.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int64 ?? ($0["id"] as? Int).map(Int64.init) }
            #expect(Set(ids) == [fixture.year11, fixture.leaverA], "school B's Zara is not in school A's reach")
            #expect(found.json["nextCursor"] == nil)

            let person = try await client.call(.get, "/people/\(fixture.year11)", token: token)
            #expect(person.status == .ok)
            #expect(person.json["givenName"] as? String == "Kai" && person.json["dateOfBirth"] as? String == "2011-02-03")
            let withheld = person.json["withheld"] as? [String] ?? []
            #expect(withheld.contains("offending"))
            #expect(!withheld.isEmpty, "a careers leader's grant withholds classes, and says which")

            let other = try await client.call(.get, "/people/\(fixture.leaverB)", token: token)
            #expect(other.status == .notFound, "another school's pupil is the same 404 as an unknown id")
            #expect(other.headers[.contentType] == "application/problem+json")
            #expect(try await client.call(.get, "/people/999999", token: token).status == .notFound)
            // The LA's client sees everyone.
            #expect(try await client.call(.get, "/people/\(fixture.leaverB)", token: fixture.laClient.token).status == .ok)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func searchPagesFollowTheirCursorAndRefuseAForeignOne(_ engine: DatabaseEngine) async throws {
        try await APIFixture.run(engine) { client, _, _, fixture in
            let token = fixture.laClient.token
            let empty = try await client.call(.get, "/people?q=%20", token: token)
            #expect(empty.status == .unprocessableContent && empty.problemFields == ["q"])
            let bad = try await client.call(.get, "/people?q=Okafor&cursor=nonsense", token: token)
            #expect(bad.status == .unprocessableContent && bad.problemFields == ["cursor"])
            let missing = try await client.call(.get, "/people", token: token)
            #expect(missing.status == .badRequest && missing.headers[.contentType] == "application/problem+json")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aSchoolPostsAYear11IntendedDestinationAndAnOffer(_ engine: DatabaseEngine) async throws {
        try await APIFixture.run(engine) { client, store, _, fixture in
            let token = fixture.schoolClient.token
            let posted = try await client.call(.post, "/people/\(fixture.year11)/intended-destinations", token: token, json: #"{"code":211}"#)
            #expect(posted.status == .created, "\(posted.text)")
            #expect(posted.json["recordedAt"] as? String != nil)
            let row = try #require(try await store.sql.raw(
                "SELECT code, source, recorded_by FROM intended_destination WHERE person_id = \(bind: fixture.year11)").first())
            #expect(try row.decode(column: "source", as: String.self) == "portal:organisation=\(fixture.schoolA)", "the school said it")
            #expect(try row.decode(column: "recorded_by", as: Int64?.self) == fixture.schoolClient.client.userID, "recorded by the client")
            // Read back by the LA (a careers leader's grant does not show the education and activity history).
            let person = try await client.call(.get, "/people/\(fixture.year11)", token: fixture.laClient.token)
            let destinations = person.json["intendedDestinations"] as? [[String: Any]] ?? []
            #expect(destinations.first?["code"] as? Int == 211)

            let offer = try await client.call(.post, "/people/\(fixture.year11)/offers", token: token, json: #"{"code":110}"#)
            #expect(offer.status == .created, "\(offer.text)")

            // Not in Year 11: a conflict, in the use case's words.
            let leaver = try await client.call(.post, "/people/\(fixture.leaverA)/intended-destinations", token: token, json: #"{"code":211}"#)
            #expect(leaver.status == .conflict && (leaver.json["detail"] as? String)?.contains("Year 11") == true)
            // Another school's pupil: not found.
            #expect(try await client.call(.post, "/people/\(fixture.leaverB)/intended-destinations", token: token, json: #"{"code":211}"#).status == .notFound)
            // Not a destination code, an unknown field, no body: 400 naming the field.
            let wrong = try await client.call(.post, "/people/\(fixture.year11)/intended-destinations", token: token, json: #"{"code":999}"#)
            #expect(wrong.status == .badRequest && wrong.problemFields == ["code"], "\(wrong.text)")
            let extra = try await client.call(.post, "/people/\(fixture.year11)/intended-destinations", token: token, json: #"{"code":211,"why":1}"#)
            #expect(extra.status == .badRequest, "\(extra.text)")
            #expect(try await client.call(.post, "/people/\(fixture.year11)/intended-destinations", token: token).status == .badRequest)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func anLAClientRecordsAnActivityCheckedByTheReturnsRules(_ engine: DatabaseEngine) async throws {
        try await APIFixture.run(engine) { client, store, _, fixture in
            let token = fixture.laClient.token
            let good = try await client.call(
                .post, "/people/\(fixture.leaverB)/activities", token: token,
                json: #"{"code":310,"startDate":"2026-09-07","dateAscertained":"2026-11-10","establishmentName":"Harbour Garage"}"#)
            #expect(good.status == .created, "\(good.text)")
            let stored = try await store.sql.raw(
                "SELECT code, recorded_by FROM activity WHERE person_id = \(bind: fixture.leaverB) ORDER BY id DESC").first()
            #expect(try stored?.decode(column: "recorded_by", as: Int64?.self) == fixture.laClient.client.userID)

            let bad = try await client.call(
                .post, "/people/\(fixture.leaverB)/activities", token: token, json: #"{"code":310,"startDate":"2026-13-07","dateAscertained":"2027-01-10"}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(Set(bad.problemFields) == ["startDate", "dateAscertained"], "\(bad.text)")
            let notACode = try await client.call(
                .post, "/people/\(fixture.leaverB)/activities", token: token, json: #"{"code":999,"startDate":"2026-09-07","dateAscertained":"2026-11-10"}"#)
            #expect(notACode.status == .unprocessableContent && notACode.problemFields == ["code"])
            let missing = try await client.call(.post, "/people/\(fixture.leaverB)/activities", token: token, json: #"{"code":310}"#)
            #expect(missing.status == .badRequest && missing.problemFields == ["startDate"], "\(missing.text)")
            // A school's client has no write:activities scope; a careers leader could not be given it.
            #expect(try await client.call(.post, "/people/\(fixture.year11)/activities", token: fixture.schoolClient.token, json: #"{"code":310,"startDate":"2026-09-07","dateAscertained":"2026-11-10"}"#).status == .forbidden)
        }
    }
}
