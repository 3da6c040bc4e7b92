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

/// The portal's pages in process, on both engines: a careers leader's home
/// is their leavers; the report downloads as CSV and XLSX; a college marks
/// an early leaver in one click.
@Suite struct PortalPagesTests {
    static let collegeEmail = "careers@northmere-college.example"

    /// The access fixture, with a college whose careers leader has Amara (the school's 2025 leaver) on its books.
    static func run(_ engine: DatabaseEngine, _ body: @escaping @Sendable (any TestClientProtocol, Store, AccessFixture, Int64) async throws -> Void) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let now = WebTestHarness.now
            let college = try await store.change(by: .system("test"), at: now) { tx in
                let college = try await tx.createOrganisation(NewOrganisation(kind: .furtherEducationCollege, name: "Northmere College", laCode: DemoAuthority.code))
                try await tx.recordActivity(
                    ActivityRecord(
                        code: .furtherEducation, startDate: try CalendarDate(iso: "2025-09-01"), dateAscertained: try CalendarDate(iso: "2026-09-10"),
                        predictedEndDate: try CalendarDate(iso: "2027-06-30")),
                    for: fixture.onCaseload, organisationID: college)
                return college
            }
            _ = try await UserAccounts(store: store, cost: 4).add(
                email: collegeEmail, displayName: "College careers leader", role: .careersLeader, password: WebTestHarness.password,
                organisationID: college, by: .system("test"), at: now)
            try await body(client, store, fixture, college)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aCareersLeadersHomeIsTheirLeaversAndTheReportDownloads(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { client, _, _, _ in
            let (_, cookies) = try await client.signIn(email: AccessFixture.email(.careersLeader))
            let home = try await client.get("/", cookies: cookies)
            #expect(home.status == .ok)
            #expect(home.text.contains("<h1>Your leavers</h1>") && home.text.contains("Amara Okafor"))
            #expect(home.text.contains("Education") && home.text.contains("Shared only with their consent"), "the category, not the college")
            #expect(!home.text.contains("Zara"), "another school's leaver")
            #expect(!home.text.contains("Northmere College"))

            let report = try await client.get("/portal/destinations?year=2025", cookies: cookies)
            #expect(report.status == .ok)
            #expect(report.text.contains("role=\"img\"") && report.text.contains("<caption>Destinations of 2024/25 leavers"))
            let csv = try await client.get("/portal/destinations?year=2025&format=csv", cookies: cookies)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.contains("Education,1,100.0\r\n"))
            let xlsx = try await client.get("/portal/destinations?year=2025&format=xlsx", cookies: cookies)
            #expect(xlsx.headers[.contentType] == DestinationWorkbook.contentType)
            #expect(Array(xlsx.body.readableBytesView.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
            // The leavers list downloads as the page shows it: the category, not the college.
            #expect(home.text.contains("href=\"/portal?format=csv\" download>Download CSV</a>"))
            let leavers = try await client.get("/portal?format=csv", cookies: cookies)
            let lines = leavers.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "\u{FEFF}Name,Left,Doing now,Where")
            #expect(lines.contains { $0.hasPrefix("Amara Okafor,") && $0.hasSuffix(",Education,Shared only with their consent") }, "\(lines)")
            #expect(!leavers.text.contains("Zara") && !leavers.text.contains("Northmere College"))
            #expect(try await client.get("/portal/destinations?year=2019", cookies: cookies).status == .badRequest)
            #expect(try await client.get("/portal/destinations?year=2025&format=pdf", cookies: cookies).status == .badRequest)
        }
    }

    /// A choice left at "Choose from the list" (or one not on it) comes back to
    /// the pupil's page with an error summary linking to the list, not a bare 422.
    @Test(arguments: TestDatabases.engines)
    func aPortalFormWithoutAChoiceComesBackToThePupilsPage(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { client, store, fixture, _ in
            let (_, cookies) = try await client.signIn(email: AccessFixture.email(.careersLeader))
            let pupil = try await client.get("/portal/people/\(fixture.onCaseload)", cookies: cookies)
            #expect(pupil.text.contains("<option value=\"\">Choose from the list</option>"), "nothing is chosen for them")
            let csrf = try #require(pupil.csrfField)
            for (path, field, message) in [("concern", "concern", "Choose why you are concerned from the list"),
                                           ("offer", "offer", "Choose the September Guarantee status from the list"),
                                           ("intended-destination", "destination", "Choose the pupil&#39;s intended destination from the list")] {
                for code in ["", "999"] {
                    let response = try await client.form("/portal/people/\(fixture.onCaseload)/\(path)", ["code": code, "csrf": csrf], cookies: cookies)
                    #expect(response.status == .unprocessableContent, "\(path) '\(code)'")
                    #expect(response.text.contains("There is a problem") && response.text.contains("href=\"#\(field)\"") && response.text.contains(message),
                            "\(path) '\(code)': the summary links to the list")
                    #expect(response.text.contains("<h1>Amara Okafor</h1>"), "\(path): the pupil's page, with its navigation")
                }
            }
            let concerns = try await store.sql.select().column("id").from("follow_up").where("person_id", .equal, fixture.onCaseload).all()
            #expect(concerns.isEmpty, "nothing was sent")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aCollegeMarksAnEarlyLeaverInOneClick(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { client, store, fixture, college in
            let (_, cookies) = try await client.signIn(email: Self.collegeEmail)
            let students = try await client.get("/portal/students", cookies: cookies)
            #expect(students.text.contains("Amara Okafor") && students.text.contains("Mark as left"))
            let csrf = try #require(students.csrfField)
            let marked = try await client.form("/portal/people/\(fixture.onCaseload)/left-early", ["csrf": csrf], cookies: cookies)
            #expect(marked.status == .seeOther)
            #expect(marked.headers[.location] == "/portal/students?left=\(fixture.onCaseload)")
            let source = try await store.sql.select().column("source").from("activity").where("person_id", .equal, fixture.onCaseload)
                .where("code", .equal, 810).first(decodingColumn: "source", as: String.self)
            #expect(source == "portal:organisation=\(college)")
            let after = try await client.get("/portal/students?left=\(fixture.onCaseload)", cookies: cookies)
            #expect(after.text.contains("not-known queue from today") && !after.text.contains("Amara Okafor"))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theActivitySurveyShowsACareersLeaderTheirOwnSchoolsLineOnly(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { client, store, _, _ in
            let (_, cookies) = try await client.signIn(email: AccessFixture.email(.careersLeader))
            #expect(try await client.get("/activity-survey?year=2025", cookies: cookies).status == .ok, "no longer refused")
            #expect(try await WebTestHarness.runJobs(store) >= 1)
            let page = try await client.get("/activity-survey?year=2025", cookies: cookies)
            #expect(page.status == .ok)
            #expect(page.text.contains("Millbrook Park School") && !page.text.contains("Harbour Academy"), "the other school's line is not theirs")
            #expect(!page.text.contains("school=Millbrook"), "no link to a named list they may not have")
            let csv = try await client.get("/activity-survey?year=2025&format=csv", cookies: cookies)
            #expect(csv.text.contains("Millbrook Park School") && !csv.text.contains("Harbour Academy"))
            #expect(try await client.get("/activity-survey?year=2025&school=Harbour%20Academy", cookies: cookies).status == .forbidden)
        }
    }
}
