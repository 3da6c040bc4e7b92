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

/// The tracking queues: who is on each, the filters, and assigning from them.
@Suite struct QueuesTests {
    @Test(arguments: TestDatabases.engines)
    func theQueuesHoldTheRightPeopleAndFiltersNarrowThem(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                try await tx.recordActivity(
                    ActivityRecord(code: .furtherEducation, startDate: try CalendarDate(iso: "2025-09-01"), dateAscertained: try CalendarDate(iso: "2025-11-28"),
                                   predictedEndDate: try CalendarDate(iso: "2027-07-01")), for: fixture.onCaseload)
            }
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let notKnown = try await client.get("/queues?queue=not-known", cookies: officer.cookies)
            #expect(notKnown.status == .ok)
            #expect(notKnown.text.contains("href=\"/people/\(fixture.elsewhere)\"") && !notKnown.text.contains("href=\"/people/\(fixture.onCaseload)\""))
            #expect(notKnown.text.contains("No activity recorded"))
            let lapsing = try await client.get("/queues?queue=lapsing&days=30", cookies: officer.cookies)
            #expect(lapsing.text.contains("href=\"/people/\(fixture.onCaseload)\""), "a college place confirmed 12 months ago lapses within 30 days")
            #expect(lapsing.text.contains("230 lapses on 2026-11-28"))
            let shortWindow = try await client.get("/queues?queue=lapsing&days=5", cookies: officer.cookies)
            #expect(!shortWindow.text.contains("href=\"/people/\(fixture.onCaseload)\""))
            let otherSchool = try await client.get("/queues?queue=not-known&school=\(fixture.schoolA)", cookies: officer.cookies)
            #expect(!otherSchool.text.contains("href=\"/people/\(fixture.elsewhere)\""), "the school filter leaves out school B's pupil")
            let bad = try await client.get("/queues?queue=everyone", cookies: officer.cookies)
            #expect(bad.status == .badRequest)
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            #expect(try await client.get("/queues", cookies: pa.cookies).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func assigningFromAQueueIsAllOrNothing(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let adviser = try #require(fixture.users[.personalAdviser])
            let refused = try await client.form(
                "/queues/assign", ["person[]": String(fixture.elsewhere), "adviser": String(fixture.users[.manager]!), "csrf": officer.csrf], cookies: officer.cookies)
            #expect(refused.status == .unprocessableContent, "a manager cannot hold a caseload")
            // Nobody ticked, or no adviser: back on the queue with an error summary, not a bare error page.
            let nobody = try await client.form(
                "/queues/assign", ["adviser": String(adviser), "back": "/queues?queue=not-known&days=30", "csrf": officer.csrf], cookies: officer.cookies)
            #expect(nobody.status == .seeOther && nobody.headers[.location] == "/queues?queue=not-known&days=30&assign-problem=nobody")
            let queue = try await client.get("/queues?queue=not-known&days=30&assign-problem=nobody", cookies: officer.cookies)
            #expect(queue.status == .ok && queue.text.contains("There is a problem") && queue.text.contains("href=\"#assign-people\">Tick the young people to assign"))
            let noAdviser = try await client.form(
                "/queues/assign", ["person[]": String(fixture.elsewhere), "back": "/queues?queue=not-known&assign-problem=nobody", "csrf": officer.csrf],
                cookies: officer.cookies)
            #expect(noAdviser.headers[.location] == "/queues?queue=not-known&assign-problem=adviser", "the new problem replaces the old")
            let unknown = try await client.form("/queues/assign", ["person[]": "987654", "adviser": String(adviser), "csrf": officer.csrf], cookies: officer.cookies)
            #expect(unknown.status == .notFound)
            #expect(try await CaseloadLookup(store: store).placement(of: fixture.elsewhere, in: .authority(laCode: "990"))?.adviserID == nil)
            let assigned = try await client.form(
                "/queues/assign", ["person[]": String(fixture.elsewhere), "adviser": String(adviser), "back": "/queues?queue=not-known", "csrf": officer.csrf],
                cookies: officer.cookies)
            #expect(assigned.status == .seeOther && assigned.headers[.location] == "/queues?queue=not-known&assigned=1")
            let placement = try #require(try await CaseloadLookup(store: store).placement(of: fixture.elsewhere, in: .authority(laCode: "990")))
            #expect(placement.adviserID == adviser && placement.tier == CaseloadTier.targeted.rawValue)
            let audits = try await store.sql.raw(
                "SELECT COUNT(*) AS n FROM audit_event WHERE entity = 'young_person' AND action = 'update' AND person_id = \(bind: fixture.elsewhere)").first()
            #expect(try audits?.decode(column: "n", as: Int.self) == 1)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theGuaranteeQueueHoldsSixteenAndSeventeenYearOldsWithNoOfferRecorded(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let la = try DemoAuthority.laCode
            try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                // Both were born in March 2009: academic age 17 in 2026/27, so measured on the Year 12 guarantee.
                try await tx.recordGuarantee(GuaranteeRecord(year: .year12, academicYear: AcademicYear(startYear: 2026), status: .offerMade, laCode: la),
                                             for: fixture.onCaseload)
                try await tx.recordGuarantee(GuaranteeRecord(year: .year11, academicYear: AcademicYear(startYear: 2026), status: .offerMade, laCode: la),
                                             for: fixture.elsewhere)
            }
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let queue = try await client.get("/queues?queue=guarantee-not-recorded", cookies: officer.cookies)
            #expect(queue.status == .ok)
            #expect(!queue.text.contains("href=\"/people/\(fixture.onCaseload)\""), "a Year 12 offer is recorded")
            #expect(queue.text.contains("href=\"/people/\(fixture.elsewhere)\""), "a Year 11 record does not count for a 17-year-old")
            #expect(queue.text.contains("No Year 12 guarantee for 2026/27"))
        }
    }
}
