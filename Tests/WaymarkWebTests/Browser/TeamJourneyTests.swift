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

/// The known-to register by hand and the team view, in a real headless
/// Chromium at desktop and phone width: an adviser records a service already
/// working with a young person (after a problem named on the form), is told
/// an end date cannot come before the start, opens the team view; the youth
/// justice worker, whose referral waited past its timer, has it due on their
/// home page; the adviser, whose draft waited past its own, is reminded on theirs.
@Suite(.serialized)
struct TeamJourneyTests {
    static let artefacts = "/tmp/shots-team"

    /// ``ReferralJourneyTests/serve(_:)`` (a college place, consent to referrals to youth justice on the fixture's day) with the server's clock at `now`.
    static func serve(now: Date, _ body: @escaping @Sendable (String, Store, AccessFixture) async throws -> Void) async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            let fixture = try await AccessFixture.build(store)
            let today = CalendarDate.today(from: WebTestHarness.now)
            _ = try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                try await tx.recordActivity(
                    ActivityRecord(
                        code: .furtherEducation, startDate: try CalendarDate(iso: "2026-09-01"), dateAscertained: try CalendarDate(iso: "2026-09-10"),
                        predictedEndDate: try CalendarDate(iso: "2028-06-30"), establishmentName: "Northmere College"),
                    for: fixture.onCaseload)
                _ = try await tx.recordConsent(
                    ConsentProvision(decision: .permit, purpose: .referral, recipient: .kind(.youthJustice), dataClass: nil, from: today,
                                     givenBy: .youngPerson, method: .verbal(worker: "Personal adviser user"), recordedAt: WebTestHarness.now),
                    for: fixture.onCaseload)
            }
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, passwordHasher: .forTests,
                                       now: { now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                try await body("http://127.0.0.1:\(try #require(client.port))", store, fixture)
            }
        }
    }

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"), arguments: [1280, 390])
    func anAdviserRecordsAnInvolvementSeesTheTeamAndTheServiceIsReminded(width: Int) async throws {
        let shots = Self.artefacts + (width < 600 ? "/phone" : "/desktop")
        // The server's clock stands eight days after the fixture's day, when the young person agreed to referrals.
        let now = WebTestHarness.now.addingTimeInterval(8 * 86_400)
        try await Self.serve(now: now) { base, store, fixture in
            let person = fixture.onCaseload
            let today = CalendarDate.today(from: now)
            // a referral sent five days ago, still not acknowledged: the reminders job has run today
            let adviser = try #require(try await UserQueries(store: store).user(email: AccessFixture.email(.personalAdviser)))
            let grant = AccessGrant(user: adviser, scope: .authority(laCode: DemoAuthority.code))
            let referrals = ReferralDesk(store: store, registry: DemoAuthority.registry)
            let services = try await OrganisationQueries(store: store).all()
            let yjs = try #require(services.first { $0.kind == .youthJustice })
            let five = now.addingTimeInterval(-5 * 86_400)
            let referral = try await referrals.draft(for: grant, person: person, to: yjs.id, purpose: nil, summary: "Arrested last week; wants help to keep to the order.", at: five)
            try await referrals.act(.send, on: referral, for: grant, at: five)
            // and a draft left for eight days: that one waits on the adviser
            let draft = try await referrals.draft(for: grant, person: person, to: yjs.id, purpose: nil, summary: "Needs help finding somewhere to live.",
                                                  at: WebTestHarness.now)
            #expect(try await ReferralReminders(store: store).queueDue(on: today, at: now) == 2)
            // and a plan, agreed a month ago, with a step due
            _ = try await store.change(by: .user(adviser.id), at: now) { tx in
                try await tx.schedulePlan(of: person, intervalWeeks: 6, on: today.adding(days: -30))
                let goal = try await tx.addGoal(NewGoal(title: "Stay on the college course", need: GoalNeed(assessmentID: nil, areaKey: nil, text: "Attendance"),
                                                        adviserNote: nil), for: person)
                _ = try await tx.addStep(NewStep(description: "Meet the course tutor", owner: .adviser, dueOn: today.adding(days: 4), adviserNote: nil),
                                         toGoal: goal, for: person)
            }

            try await WebDriver.withBrowser(width: width, height: width < 600 ? 844 : 900) { browser in
                try await BreakGlassJourneyTests.signIn(browser, base, as: .personalAdviser)
                let waiting = try await browser.text(of: "#referral-reminders-title + ul")
                #expect(waiting.contains("Referral \(draft) to Northmere Youth Justice Service: draft") && !waiting.contains("Referral \(referral) "))
                #expect(!waiting.contains("Amara"), "the reminder names no young person")
                _ = try await browser.evaluate("document.getElementById('referral-reminders-title').scrollIntoView(); return 0;")
                try await browser.look(saving: shots + "/00-adviser-home-reminder.png")
                try await browser.open(base + "/people/\(person)/known-to")
                try await browser.click("#record-involvement summary")
                try await browser.click("#record-involvement button[type=submit]")
                _ = try await browser.waitForText("There is a problem", in: "main")
                let summary = try await browser.text(of: ".error-summary")
                #expect(summary.contains("Choose the service") && summary.contains("Enter the worker's role") && summary.contains("Enter the date the involvement started"))
                try await browser.look(saving: shots + "/01-involvement-problem.png")
                _ = try await browser.evaluate("document.getElementById('record-involvement').scrollIntoView(); return 0;")
                try await browser.look(saving: shots + "/01b-involvement-form-marked.png")
                try await browser.setValue(String(yjs.id), of: "#organisation")
                try await browser.type("Sam Okoro", into: "#worker")
                try await browser.type("Bail support officer", into: "#role")
                let start = today.adding(days: -20)
                try await browser.type(String(start.day), into: "#from-date-day")
                try await browser.type(String(start.month), into: "#from-date-month")
                try await browser.type(String(start.year), into: "#from-date-year")
                try await browser.click("#record-involvement button[type=submit]")
                _ = try await browser.waitForText("Involvement recorded.", in: "main")
                #expect(try await browser.text(of: "main").contains("Sam Okoro"))
                try await browser.look(saving: shots + "/02-involvement-recorded.png")

                // ending it before it began is refused, naming the rule
                try await browser.click("#end-involvement summary")
                let before = start.adding(days: -1)
                try await browser.type(String(before.day), into: "#to-date-day")
                try await browser.type(String(before.month), into: "#to-date-month")
                try await browser.type(String(before.year), into: "#to-date-year")
                try await browser.click("#end-involvement button[type=submit]")
                _ = try await browser.waitForText("There is a problem", in: "main")
                #expect(try await browser.text(of: ".error-summary").contains("must be the same as or after the date it started"))
                try await browser.look(saving: shots + "/03-end-before-start.png")
                _ = try await browser.evaluate("document.getElementById('end-involvement').scrollIntoView(); return 0;")
                try await browser.look(saving: shots + "/03b-end-form-marked.png")

                // the team view, from the record
                try await browser.open(base + "/people/\(person)")
                try await browser.click("a[href='/people/\(person)/team']")
                _ = try await browser.waitForText("The team around them", in: "main")
                let team = try await browser.text(of: "main")
                #expect(team.contains("Sam Okoro") && team.contains("1 service involved now"))
                #expect(team.contains("Referral \(referral) to Northmere Youth Justice Service – sent"))
                #expect(team.contains("Overdue since"))
                try await browser.look(saving: shots + "/04-team.png")
                #expect(team.contains("Next review") && team.contains("Meet the course tutor"))
                _ = try await browser.evaluate("document.getElementById('plan').scrollIntoView(); return 0;")
                try await browser.look(saving: shots + "/04b-team-plan-and-referrals.png")
                #expect(try await browser.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool == true, "nothing overflows the page sideways")
                try await ReferralJourneyTests.signOut(browser, base)

                // the service it waits on has it at the top of its home page (its referrals), past its reminder date
                try await BreakGlassJourneyTests.signIn(browser, base, as: .partnerWorker)
                let due = try await browser.text(of: "main")
                #expect(due.contains("Due now (1)") && due.contains("Referral \(referral)"))
                try await browser.look(saving: shots + "/05-yot-home-due.png")
            }
        }
    }
}
