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

/// The young person's record page: what it shows, who may see it, and the audit of each view.
@Suite struct PersonPageTests {
    static func addPerson(_ store: Store, responsibleLA: String = "990", given: String = "Amara") async throws -> Int64 {
        let la = try DemoAuthority.registry.code(responsibleLA)
        return try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
            let id = try await tx.createPerson(
                NewYoungPerson(
                    identity: YoungPersonIdentity(
                        givenName: given, familyName: "Okafor", dateOfBirth: try CalendarDate(iso: "2009-03-14"), gender: .female,
                        ethnicity: .blackAfrican, upn: "H990250000123"),
                    cohortStatus: .primary, responsibleLA: la, educatedLA: la))
            try await tx.addAddress(
                AddressRecord(lines: ["1 Mill Lane"], town: "Northmere", county: nil, postcode: "NM3 4QT", ward: nil,
                              validFrom: try CalendarDate(iso: "2015-01-01"), validTo: try CalendarDate(iso: "2025-12-31")), for: id)
            try await tx.addAddress(
                AddressRecord(lines: ["9 Quay Street"], town: "Northmere", county: nil, postcode: "NM1 1AA", ward: nil,
                              validFrom: try CalendarDate(iso: "2026-01-01")), for: id)
            try await tx.recordActivity(
                ActivityRecord(code: .registeredAtSchoolInArea, startDate: try CalendarDate(iso: "2024-09-01"), dateAscertained: try CalendarDate(iso: "2024-09-10")),
                for: id)
            try await tx.recordActivity(
                ActivityRecord(
                    code: .furtherEducation, startDate: try CalendarDate(iso: "2025-09-03"), dateAscertained: try CalendarDate(iso: "2025-09-20"),
                    dateVerified: try CalendarDate(iso: "2026-09-15"), predictedEndDate: try CalendarDate(iso: "2027-07-16"),
                    establishmentNumber: "9908001", establishmentName: "Northmere College"),
                for: id)
            return id
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theRecordShowsTheCurrentPositionPathwayAndHistoryAndIsAudited(_ engine: DatabaseEngine) async throws {
        try await WebTestHarness.run(engine) { client, store in
            let id = try await Self.addPerson(store)
            let (_, cookies) = try await client.signIn()
            let page = try await client.get("/people/\(id)", cookies: cookies)
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1>Amara Okafor</h1>"))
            #expect(page.text.contains("In education, employment or training"))
            #expect(page.text.contains("230 – Full time education – further education"))
            #expect(page.text.contains("Current until 16 July 2027"))
            #expect(page.text.contains("3 September 2025 – now"), "the current activity runs to now on the timeline")
            #expect(page.text.contains("1 September 2024 – 2 September 2025"), "an earlier activity ends the day before the next starts")
            #expect(page.text.contains("1 Mill Lane") && page.text.contains("(old)"), "old addresses stay in the history")
            let views = try await store.sql.raw(
                "SELECT COUNT(*) AS n FROM audit_event WHERE action = 'view' AND entity = 'young_person' AND person_id = \(bind: id)"
            ).first()
            #expect(try views?.decode(column: "n", as: Int.self) == 1)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func unknownForgedAndOtherAuthoritiesIdsAreNotFound(_ engine: DatabaseEngine) async throws {
        try await WebTestHarness.run(engine) { client, store in
            let elsewhere = try await Self.addPerson(store, responsibleLA: "886", given: "Kai")
            let (_, cookies) = try await client.signIn()
            for path in ["/people/\(elsewhere)", "/people/999999", "/people/abc", "/people/-1"] {
                let response = try await client.get(path, cookies: cookies)
                #expect(response.status == .notFound, "\(path)")
                #expect(!response.text.contains("Kai"), "another authority's record must not leak")
            }
            let views = try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'view'").first()
            #expect(try views?.decode(column: "n", as: Int.self) == 0)
        }
    }

    @Test func signedOutVisitorsAreSentToSignIn() async throws {
        try await WebTestHarness.run(.sqlite) { client, store in
            let id = try await Self.addPerson(store)
            let response = try await client.get("/people/\(id)")
            #expect(response.headers[.location] == "/sign-in")
        }
    }
}
