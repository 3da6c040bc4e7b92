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

/// The appointments diary: appointments booked on records appear on the UK
/// day they fall on, in the adviser's week or day; a manager opens any
/// adviser's diary in the team, an adviser only their own; each page shown
/// is audited with the people on it. (The test clock is Wednesday 18
/// November 2026.)
@Suite struct DiaryTests {
    static func book(_ client: any TestClientProtocol, _ session: CaseworkTests.Session, person: Int64, on day: String, at time: String, place: String = "")
        async throws
    {
        let booked = try await client.form(
            "/people/\(person)/appointments", ["appointment-on": day, "appointment-at": time, "appointment-place": place, "csrf": session.csrf],
            cookies: session.cookies)
        #expect(booked.status == .seeOther, "booked \(day) \(time)")
    }

    @Test(arguments: TestDatabases.engines)
    func theWeekShowsEachDayWithWhatIsBookedAndNothingFromTheNext(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            try await Self.book(client, pa, person: fixture.onCaseload, on: "2026-11-19", at: "10:30", place: "Northmere Youth Hub")
            // The form refuses a time already past, so Monday's missed-marking case is written as an import would.
            _ = try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                try await tx.bookAppointment(
                    NewAppointment(startsAt: try #require(Timestamp.parse("2026-11-16T09:00:00Z")), place: nil, userID: try #require(fixture.users[.personalAdviser])),
                    for: fixture.onCaseload)
            }
            try await Self.book(client, pa, person: fixture.onCaseload, on: "2026-11-24", at: "14:00", place: "Harbour Library")

            let week = try await client.get("/diary", cookies: pa.cookies)
            #expect(week.status == .ok)
            #expect(week.text.contains("Week beginning Monday 16 November 2026"))
            #expect(week.text.contains("Your diary: 2 appointments this week."))
            let monday = try #require(week.text.range(of: "Monday 16 November 2026</h2>"))
            let thursday = try #require(week.text.range(of: "Thursday 19 November 2026</h2>"))
            let friday = try #require(week.text.range(of: "Friday 20 November 2026</h2>"))
            let thursdayPart = String(week.text[thursday.upperBound..<friday.lowerBound])
            #expect(thursdayPart.contains("10:30") && thursdayPart.contains("Amara Okafor") && thursdayPart.contains("Northmere Youth Hub"))
            #expect(thursdayPart.contains("Booked"))
            let mondayPart = String(week.text[monday.upperBound..<thursday.lowerBound])
            #expect(mondayPart.contains("09:00") && mondayPart.contains("Not yet marked"), "a booked appointment already past needs marking")
            #expect(mondayPart.contains("Nothing booked."), "Tuesday and Wednesday are free")
            #expect(!week.text.contains("Harbour Library"), "next week's appointment is not in this week")
            #expect(week.text.contains("href=\"/diary?view=week&amp;date=2026-11-23\""))

            let next = try await client.get("/diary?view=week&date=2026-11-23", cookies: pa.cookies)
            #expect(next.text.contains("Harbour Library") && next.text.contains("Your diary: 1 appointment this week."))

            let day = try await client.get("/diary?view=day&date=2026-11-19", cookies: pa.cookies)
            #expect(day.text.contains("Thursday 19 November 2026") && day.text.contains("1 appointment this day"))
            #expect(!day.text.contains("09:00"))

            let audited = try await store.sql.raw(
                "SELECT detail FROM audit_event WHERE entity = 'diary' AND action = 'view' ORDER BY id"
            ).all().map { try $0.decode(column: "detail", as: String.self) }
            #expect(audited.count == 3)
            #expect(audited.first?.contains("shown=\(fixture.onCaseload),\(fixture.onCaseload)") == true)
            #expect(audited.allSatisfy { !$0.contains("Okafor") }, "the audit names ids, not people")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aSummerAppointmentJustAfterMidnightIsOnItsUKDay(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, _, fixture in
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            try await Self.book(client, pa, person: fixture.onCaseload, on: "2027-06-15", at: "00:30")
            let fifteenth = try await client.get("/diary?view=day&date=2027-06-15", cookies: pa.cookies)
            #expect(fifteenth.text.contains("00:30") && fifteenth.text.contains("1 appointment this day"), "00:30 BST is 23:30 UTC the day before")
            let fourteenth = try await client.get("/diary?view=day&date=2027-06-14", cookies: pa.cookies)
            #expect(fourteenth.text.contains("0 appointments this day"))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aManagerOpensAnAdvisersDiaryAndAnAdviserOnlyTheirOwn(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, _, fixture in
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            try await Self.book(client, pa, person: fixture.onCaseload, on: "2026-11-19", at: "10:30")
            let adviser = try #require(fixture.users[.personalAdviser])
            let manager = try await CaseworkTests.session(client, .manager)

            let own = try await client.get("/diary", cookies: manager.cookies)
            #expect(own.status == .ok && own.text.contains("Diary of Personal adviser user"), "a manager with no caseload opens an adviser's diary")
            #expect(own.text.contains("Amara Okafor") && !own.text.contains("Whose diary"), "with one adviser in the team there is nobody else to choose")
            let chosen = try await client.get("/diary?adviser=\(adviser)&view=week&date=2026-11-18", cookies: manager.cookies)
            #expect(chosen.text.contains("1 appointment this week"))
            let notAnAdviser = try await client.get("/diary?adviser=\(try #require(fixture.users[.dataManager]))", cookies: manager.cookies)
            #expect(notAnAdviser.status == .notFound)

            let another = try await client.get("/diary?adviser=\(try #require(fixture.users[.manager]))", cookies: pa.cookies)
            #expect(another.status == .forbidden, "an adviser cannot open someone else's diary")
            let leader = try await CaseworkTests.session(client, .careersLeader)
            #expect(try await client.get("/diary", cookies: leader.cookies).status == .forbidden)
        }
    }

    @Test func aWeekRunsMondayToSundayAndStepsByWeeks() throws {
        let week = DiaryPeriod(.week, around: try CalendarDate(iso: "2026-12-06"))
        #expect(week.first.iso == "2026-11-30" && week.last.iso == "2026-12-06" && week.end.iso == "2026-12-07")
        #expect(week.first.weekdayName == "Monday" && week.last.weekdayName == "Sunday")
        #expect(week.previous.first.iso == "2026-11-23" && week.next.first.iso == "2026-12-07")
        #expect(DiaryPeriod(.week, around: try CalendarDate(iso: "2026-11-30")) == week)
        let day = DiaryPeriod(.day, around: try CalendarDate(iso: "2027-01-01"))
        #expect(day.days.map(\.iso) == ["2027-01-01"] && day.previous.first.iso == "2026-12-31" && day.first.weekdayName == "Friday")
        #expect(try CalendarDate(iso: "1969-12-29").weekdayName == "Monday", "before day 0 too")
    }
}
