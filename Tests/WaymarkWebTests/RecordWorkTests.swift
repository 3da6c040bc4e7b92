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

/// Doing the work on a record: a contact that books the next appointment,
/// follow-ups and appointments on their own forms, and the activity rules
/// the statutory return applies. Each save is one audited transaction; a
/// form with problems comes back (422) naming the field and the rule, and
/// nothing of it is stored.
@Suite struct RecordWorkTests {
    static func audits(_ store: Store, _ entity: String, _ action: String, person: Int64) async throws -> Int {
        try await store.sql.raw(
            "SELECT COUNT(*) AS n FROM audit_event WHERE entity = \(bind: entity) AND person_id = \(bind: person) AND action = \(bind: action)"
        ).first()?.decode(column: "n", as: Int.self) ?? -1
    }

    static func rows(_ store: Store, person: Int64) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["contact", "follow_up", "appointment", "activity"] {
            counts[table] = try await CaseworkTests.count(store, table, person: person)
        }
        return counts
    }

    static let contact = ["occurred-on": "17/11/2026", "method": "face-to-face", "direction": "outbound", "outcome": "Met at the youth hub"]

    @Test(arguments: TestDatabases.engines)
    func aContactBooksTheNextAppointmentAndAFollowUpTogether(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            // given
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            let person = fixture.onCaseload
            var fields = Self.contact
            fields.merge(
                ["next-step": "Bring the college application", "follow-up-on": "2026-11-30", "appointment-on": "25/11/2026", "appointment-at": "10:30",
                 "appointment-place": "Northmere Youth Hub", "csrf": pa.csrf]) { $1 }
            // when
            let saved = try await client.form("/people/\(person)/contacts", fields, cookies: pa.cookies)
            // then
            #expect(saved.status == .seeOther && saved.headers[.location] == "/people/\(person)?saved=contact")
            #expect(try await Self.rows(store, person: person) == ["contact": 1, "follow_up": 1, "appointment": 1, "activity": 0])
            for entity in ["contact", "follow_up", "appointment"] {
                #expect(try await Self.audits(store, entity, "create", person: person) == 1, "\(entity) is audited")
            }
            let stored = try #require(try await CaseworkQueries(store: store).appointments(of: person).first)
            #expect(stored.startsAt == "2026-11-25T10:30:00Z", "10:30 in November is 10:30 GMT")
            #expect(stored.userID == fixture.users[.personalAdviser] && stored.status == "booked")
            let record = try await client.get("/people/\(person)?saved=contact", cookies: pa.cookies)
            #expect(record.text.contains("<h3>Upcoming</h3>") && record.text.contains("25 November 2026, 10:30"))
            #expect(record.text.contains("Northmere Youth Hub") && record.text.contains("value=\"cancelled\""))
            #expect(record.text.contains("Next step: Bring the college application"))
            #expect(record.text.contains("<strong>17 November 2026, 12:00</strong> face-to-face, outbound – Met at the youth hub"), "an earlier day's contact is placed at midday")
            #expect(record.text.contains("Due 30 November 2026"))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func summerAppointmentsAreUKTime(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            let booked = try await client.form(
                "/people/\(fixture.onCaseload)/appointments", ["appointment-on": "2027-06-15", "appointment-at": "09:00", "csrf": pa.csrf], cookies: pa.cookies)
            #expect(booked.status == .seeOther)
            let stored = try #require(try await CaseworkQueries(store: store).appointments(of: fixture.onCaseload).first)
            #expect(stored.startsAt == "2027-06-15T08:00:00Z", "09:00 in June is 08:00 UTC")
            #expect(try await client.get("/people/\(fixture.onCaseload)", cookies: pa.cookies).text.contains("15 June 2027, 09:00"))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aContactWhoseAppointmentIsWrongSavesNeitherContactNorFollowUp(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            let person = fixture.onCaseload
            let cases: [([String: String], String, String)] = [
                (["appointment-on": "2026-11-25"], "appointment-at", "Enter the time of the appointment"),
                (["appointment-on": "2026-11-25", "appointment-at": "25:61"], "appointment-at", "real time on the 24-hour clock"),
                (["appointment-on": "2026-11-18", "appointment-at": "09:00"], "appointment-on", "must be in the future"),
                (["appointment-on": "2062-11-25", "appointment-at": "09:00"], "appointment-on", "within the next 12 months"),
                (["appointment-on": "30/02/2027", "appointment-at": "09:00"], "appointment-on", "must be a real date"),
                (["appointment-place": "Hub"], "appointment-on", "or leave the place empty"),
                (["appointment-on": "2026-11-25", "appointment-at": "10:00", "appointment-place": String(repeating: "p", count: 121)],
                 "appointment-place", "120 characters or fewer"),
            ]
            for (extra, field, message) in cases {
                var fields = Self.contact
                fields.merge(["next-step": "Call back", "follow-up-on": "2026-11-30", "csrf": pa.csrf]) { $1 }
                fields.merge(extra) { $1 }
                let response = try await client.form("/people/\(person)/contacts", fields, cookies: pa.cookies)
                #expect(response.status == .unprocessableContent, "\(extra)")
                #expect(response.text.contains("<div class=\"error-summary\" role=\"alert\""))
                let anchor = field == "appointment-on" ? "appointment-on-day" : field
                #expect(response.text.contains("href=\"#\(anchor)\""), "the summary links to \(anchor) for \(extra)")
                #expect(response.text.contains(message), "\(extra) is explained")
                #expect(response.text.contains("value=\"Met at the youth hub\""), "what was typed is kept")
                #expect(response.text.contains("<details open>"), "the appointment fields are shown with their problem")
            }
            #expect(try await Self.rows(store, person: person) == ["contact": 0, "follow_up": 0, "appointment": 0, "activity": 0])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aFailureInsideTheTransactionLeavesNoContactAndNoFollowUp(_ engine: DatabaseEngine) async throws {
        struct Interrupted: Error {}
        try await AccessFixture.run(engine) { _, store, fixture in
            let person = fixture.onCaseload
            // A failure after the contact and follow-up are written, as if the appointment insert failed.
            var interrupted = false
            do {
                try await store.change(by: .user(fixture.users[.personalAdviser]!), at: WebTestHarness.now) { tx in
                    try await tx.recordContact(NewContact(occurredAt: WebTestHarness.now, method: .phone, direction: .outbound, outcome: "Spoke"), for: person)
                    try await tx.addFollowUp(NewFollowUp(dueOn: try CalendarDate(iso: "2026-11-30"), description: "Call", assignedUserID: nil), for: person)
                    throw Interrupted()
                }
            } catch is Interrupted {
                interrupted = true
            }
            #expect(interrupted)
            #expect(try await Self.rows(store, person: person) == ["contact": 0, "follow_up": 0, "appointment": 0, "activity": 0])
            #expect(try await Self.audits(store, "contact", "create", person: person) == 0, "nor their audit events")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aFollowUpFormWithProblemsKeepsWhatWasTypedAndSavesNothing(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            let person = fixture.onCaseload
            let form = try await client.get("/people/\(person)/follow-ups/new", cookies: pa.cookies)
            #expect(form.status == .ok && form.text.contains("<h1>Add a follow-up</h1>") && form.text.contains("name=\"due-on[day]\" type=\"text\" inputmode=\"numeric\" value=\"25\""))
            #expect(form.text.contains("<label for=\"description\">") && form.text.contains("<label for=\"due-on-day\">Day</label>"))
            let long = String(repeating: "d", count: 501)
            let refused = try await client.form("/people/\(person)/follow-ups", ["due-on": "2020-01-01", "description": long, "csrf": pa.csrf], cookies: pa.cookies)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("There is a problem") && refused.text.contains("href=\"#due-on-day\"") && refused.text.contains("href=\"#description\""))
            #expect(refused.text.contains("cannot be due in the past") && refused.text.contains("500 characters or fewer"))
            #expect(refused.text.contains(long) && refused.text.contains("name=\"due-on[year]\" type=\"text\" inputmode=\"numeric\" value=\"2020\""))
            let missing = try await client.form("/people/\(person)/follow-ups", ["csrf": pa.csrf], cookies: pa.cookies)
            #expect(missing.status == .unprocessableContent && missing.text.contains("Enter what needs doing") && missing.text.contains("Enter the date it is due"))
            #expect(try await Self.rows(store, person: person)["follow_up"] == 0)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aFollowUpIsAddedShownAndMarkedDone(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            let person = fixture.onCaseload
            let added = try await client.form("/people/\(person)/follow-ups", ["due-on": "01/12/2026", "description": "Chase the CV", "csrf": pa.csrf], cookies: pa.cookies)
            #expect(added.status == .seeOther && added.headers[.location] == "/people/\(person)?saved=follow-up#follow-ups")
            #expect(try await Self.audits(store, "follow_up", "create", person: person) == 1)
            // An overdue one, as if added last week.
            _ = try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                try await tx.addFollowUp(NewFollowUp(dueOn: try CalendarDate(iso: "2026-11-10"), description: "Send the bus pass form", assignedUserID: nil), for: person)
            }
            let record = try await client.get("/people/\(person)?saved=follow-up", cookies: pa.cookies)
            #expect(record.text.contains("Follow-up added."))
            #expect(record.text.contains("Due 1 December 2026</strong> Chase the CV"))
            #expect(record.text.contains("Due 10 November 2026 (overdue)"))
            let open = try await CaseworkQueries(store: store).openFollowUps(of: person)
            let chase = try #require(open.first { $0.description == "Chase the CV" })
            #expect(record.text.contains("action=\"/people/\(person)/follow-ups/\(chase.id)/done\""))
            let done = try await client.form("/people/\(person)/follow-ups/\(chase.id)/done", ["csrf": pa.csrf], cookies: pa.cookies)
            #expect(done.status == .seeOther)
            #expect(try await Self.audits(store, "follow_up", "update", person: person) == 1)
            let after = try await client.get("/people/\(person)?saved=follow-up-done", cookies: pa.cookies)
            #expect(after.text.contains("Follow-up marked done.") && !after.text.contains("Chase the CV"))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func appointmentsAreBookedThenMarkedAttendedOrMissed(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            let person = fixture.onCaseload
            let page = try await client.get("/people/\(person)/appointments/new", cookies: pa.cookies)
            #expect(page.status == .ok && page.text.contains("<h1>Book an appointment</h1>") && page.text.contains("type=\"time\""))
            let empty = try await client.form("/people/\(person)/appointments", ["csrf": pa.csrf], cookies: pa.cookies)
            #expect(empty.status == .unprocessableContent && empty.text.contains("href=\"#appointment-on-day\"") && empty.text.contains("Enter the date of the appointment"))
            #expect(try await Self.rows(store, person: person)["appointment"] == 0)
            // The same booking sent twice (a double click, or Back then Book) books one appointment.
            let once = try #require(page.text.firstMatch(of: /name="once" value="([A-Za-z0-9_-]+)"/)?.1).description
            let twice = ["appointment-on[day]": "1", "appointment-on[month]": "12", "appointment-on[year]": "2026",
                         "appointment-at": "11:00", "once": once, "csrf": pa.csrf]
            let firstBooking = try await client.form("/people/\(person)/appointments", twice, cookies: pa.cookies)
            let repeated = try await client.form("/people/\(person)/appointments", twice, cookies: pa.cookies)
            #expect(firstBooking.status == .seeOther && repeated.headers[.location] == firstBooking.headers[.location])
            #expect(try await Self.rows(store, person: person)["appointment"] == 1, "the repeat books nothing")
            // Two appointments that have happened and one to come.
            let adviser = try #require(fixture.users[.personalAdviser])
            let (first, second) = try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                (try await tx.bookAppointment(NewAppointment(startsAt: WebTestHarness.now - 86_400, place: "Library", userID: adviser), for: person),
                 try await tx.bookAppointment(NewAppointment(startsAt: WebTestHarness.now - 7 * 86_400, place: "College", userID: adviser), for: person))
            }
            let booked = try await client.form(
                "/people/\(person)/appointments", ["appointment-on": "2026-11-20", "appointment-at": "14:00", "appointment-place": "Hub", "csrf": pa.csrf],
                cookies: pa.cookies)
            #expect(booked.status == .seeOther && booked.headers[.location] == "/people/\(person)?saved=appointment-booked#appointments")
            let future = try #require(try await CaseworkQueries(store: store).appointments(of: person).first { $0.startsAt.hasPrefix("2026-11-20") })
            let tooSoon = try await client.form("/people/\(person)/appointments/\(future.id)", ["status": "attended", "csrf": pa.csrf], cookies: pa.cookies)
            #expect(tooSoon.status == .unprocessableContent && tooSoon.text.contains("has not happened yet"), "attendance is only for the past")
            #expect(tooSoon.text.contains("<h1>Amara Okafor</h1>") && tooSoon.text.contains("href=\"#appointment-\(future.id)\""),
                    "the record page again, its summary linking to the appointment")
            #expect(try await Self.audits(store, "appointment", "create", person: person) == 4, "two through the store, two booked here (one of them sent twice)")
            let record = try await client.get("/people/\(person)?saved=appointment-booked", cookies: pa.cookies)
            #expect(record.text.contains("Appointment booked."))
            #expect(record.text.contains("<h3>Did they come?</h3>") && record.text.contains("17 November 2026, 11:06"))
            #expect(record.text.contains("<h3>Upcoming</h3>") && record.text.contains("20 November 2026, 14:00"))
            #expect(!record.text.contains("<h3>Missed</h3>"))
            for (id, status) in [(first, "attended"), (second, "missed")] {
                let marked = try await client.form("/people/\(person)/appointments/\(id)", ["status": status, "csrf": pa.csrf], cookies: pa.cookies)
                #expect(marked.status == .seeOther)
            }
            #expect(try await Self.audits(store, "appointment", "update", person: person) == 2)
            let after = try await client.get("/people/\(person)", cookies: pa.cookies)
            #expect(after.text.contains("<h3>Missed</h3>") && after.text.contains("11 November 2026, 11:06</strong> College – missed"))
            #expect(after.text.contains("<h3>Earlier</h3>") && after.text.contains("Library – attended"))
            #expect(!after.text.contains("<h3>Did they come?</h3>"))
            for status in ["vanished", "booked", ""] {
                let unknown = try await client.form("/people/\(person)/appointments/\(first)", ["status": status, "csrf": pa.csrf], cookies: pa.cookies)
                // "booked" is a status, but not one a person marks: the record desk's refusal says so in the same summary.
                #expect(unknown.status == .unprocessableContent && (status == "booked" || unknown.text.contains("Choose Attended or Missed")), "status '\(status)'")
                #expect(unknown.text.contains("There is a problem") && unknown.text.contains("href=\"#appointment-\(first)\""), "the record page with its summary")
            }
            let cancelled = try await client.form("/people/\(person)/appointments/\(future.id)", ["status": "cancelled", "csrf": pa.csrf], cookies: pa.cookies)
            #expect(cancelled.status == .seeOther)
            #expect(try await CaseworkQueries(store: store).appointments(of: person).first { $0.id == future.id }?.status == "cancelled")
        }
    }
}
