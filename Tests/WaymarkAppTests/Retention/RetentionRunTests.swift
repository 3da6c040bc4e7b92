import Foundation
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// The retention run erases exactly what the standard policy says on a day:
/// past the 25th birthday goes (on the birthday itself too), a day short
/// stays, SEND is kept to 31 and then kept without identity, records with
/// history are anonymised and still counted by the figures; the audit keeps
/// tombstones without personal data and its chain still verifies. Both engines.
@Suite struct RetentionRunTests {
    static let day = try! CalendarDate(iso: "2035-06-15")
    static let now = BreakGlassFixture.now
    /// Every piece of personal data the fixture writes, none of which may be left in the audit trail.
    static let personal = ["Peregrine", "Bartholomew", "Wilhelmina", "Ignatius", "Cordelia", "Quillfeather", "NM3 4QT", "07700900123", "moving to Leeds"]

    struct People {
        var past: Int64 = 0, onBirthday: Int64 = 0, dayShort: Int64 = 0, sendAt26: Int64 = 0, sendPast31: Int64 = 0, withHistory: Int64 = 0
        var shell: Int64 = 0
    }

    static func born(yearsBefore years: Int, days: Int = 0) -> CalendarDate { day.adding(years: -years).adding(days: days) }

    static func build(_ store: Store) async throws -> People {
        _ = try await BreakGlassFixture.build(store)
        let la = try DemoAuthority.laCode
        return try await store.change(by: .system("test"), at: now) { tx in
            func person(_ given: String, _ born: CalendarDate) async throws -> Int64 {
                let id = try await tx.createPerson(NewYoungPerson(
                    identity: YoungPersonIdentity(givenName: given, familyName: "Quillfeather", dateOfBirth: born, gender: .male, ethnicity: .whiteBritish,
                                                  upn: nil, uln: nil),
                    cohortStatus: .primary, responsibleLA: la, educatedLA: la))
                _ = try await tx.addAddress(AddressRecord(lines: ["1 High Street"], town: "Northmere", county: nil, postcode: "NM3 4QT", ward: "Castle", validFrom: born), for: id)
                _ = try await tx.addContactDetail(ContactDetailRecord(kind: .mobile, value: "07700900123", validFrom: born.adding(years: 14)), for: id)
                _ = try await tx.addNote("Worried about moving to Leeds", sensitive: false, for: id)
                return id
            }
            var people = People()
            people.past = try await person("Peregrine", born(yearsBefore: 25, days: -1))
            people.onBirthday = try await person("Bartholomew", born(yearsBefore: 25))
            people.dayShort = try await person("Wilhelmina", born(yearsBefore: 25, days: 1))
            people.sendAt26 = try await person("Ignatius", born(yearsBefore: 26))
            people.sendPast31 = try await person("Cordelia", born(yearsBefore: 31, days: -1))
            people.withHistory = try await person("Peregrine", born(yearsBefore: 27))
            for send in [people.sendAt26, people.sendPast31] {
                _ = try await tx.recordNeed(NeedAssessment(levelOfNeed: .intensiveSupport, hasSEND: true, hasSENSupport: false, validFrom: born(yearsBefore: 20)), for: send)
            }
            _ = try await tx.addCharacteristic(CharacteristicRecord(code: .careLeaver, startDate: born(yearsBefore: 14)), for: people.sendPast31)
            _ = try await tx.addCharacteristic(CharacteristicRecord(code: .mentalHealth, startDate: born(yearsBefore: 14)), for: people.sendPast31)
            let started = try CalendarDate(iso: "2024-09-01")
            _ = try await tx.recordActivity(ActivityRecord(code: .furtherEducation, startDate: started, dateAscertained: started.adding(days: 9), predictedEndDate: started.adding(years: 2)), for: people.withHistory)
            people.shell = try await person("Peregrine", born(yearsBefore: 25, days: -1))
            _ = try await tx.mergePeople(kept: people.past, merged: people.shell)
            return people
        }
    }

    func rows(_ store: Store, _ table: String, of person: Int64) async throws -> Int {
        try await store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).where("person_id", .equal, person)
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    func exists(_ store: Store, _ person: Int64) async throws -> Bool {
        try await store.sql.select().column("id").from("young_person").where("id", .equal, person).first() != nil
    }

    /// One record per transaction, and many (the default), give the same result.
    @Test(arguments: TestDatabases.engines, [1, 200])
    func theRunErasesAndAnonymisesExactlyWhatThePolicySays(_ engine: DatabaseEngine, recordsPerTransaction: Int) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let people = try await Self.build(store)
            let run = RetentionRun(store: store, laCode: DemoAuthority.code, policy: .standard, recordsPerTransaction: recordsPerTransaction)
            let figures = StatutoryFigures(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
            let monthEnd = try CalendarDate(iso: "2025-01-31")
            let before = try #require(try await figures.figures(at: [monthEnd]).report.month(monthEnd)).headline
            #expect(before.cohort >= 1, "the person with a history is in that month's cohort")

            // What staff do with records writes audit events too: a search by name, a break-the-glass with a reason naming the person.
            let tracker = AccessGrant(user: try #require(try await UserQueries(store: store).user(email: "tracking-officer@northmere.example")),
                                      scope: .authority(laCode: DemoAuthority.code))
            _ = try await PersonSearch(store: store).search("Peregrine Quillfeather", for: tracker, today: CalendarDate.today(from: Self.now), at: Self.now)
            _ = try await BreakGlassDesk(store: store, policy: .standard).breakGlass(
                for: tracker, person: people.sendPast31, reason: "Cordelia Quillfeather is missing and moving to Leeds was mentioned", at: Self.now)

            let dry = try await run.run(on: Self.day, dryRun: true, by: .system("test"), at: Self.now)
            #expect(try await exists(store, people.past), "a dry run changes nothing")
            // The fixture's Amara and Zara (born 2009, no history) are erased too.
            #expect(dry.erased == 4 && dry.anonymised == 2 && dry.keptLonger == 1)
            #expect(dry[.sendAndHealth].keptLonger == 1 && dry[.sendAndHealth].anonymised == 1)
            #expect(dry[.notes].erased == 4 && dry[.contact].erased == 4 && dry[.educationAndActivity].anonymised == 1)

            let report = try await run.run(on: Self.day, dryRun: false, by: .system("test"), at: Self.now)
            #expect(report.erased == dry.erased && report.anonymised == dry.anonymised && report.classes == dry.classes)

            for gone in [people.past, people.onBirthday, people.shell] {
                #expect(try await !exists(store, gone), "record \(gone) is erased")
                for table in PersonTables.all.map(\.name) + ["person_name_key", "participation_position"] {
                    #expect(try await rows(store, table, of: gone) == 0, "\(table) of \(gone)")
                }
            }
            for kept in [people.dayShort, people.sendAt26] {
                let name = try await store.sql.select().column("given_name").from("young_person").where("id", .equal, kept).first(decodingColumn: "given_name", as: String.self)
                #expect(name != nil && name != "", "record \(kept) is kept whole")
                #expect(try await rows(store, "note", of: kept) == 1)
            }
            // SEND past 31: kept without identity, its SEND, care status kept; mental health, notes, contact gone.
            let anonymous = try #require(try await store.sql.select().columns("given_name", "family_name", "date_of_birth", "anonymised_on")
                .from("young_person").where("id", .equal, people.sendPast31).first())
            #expect(try anonymous.decode(column: "given_name", as: String.self) == "")
            #expect(try anonymous.decode(column: "family_name", as: String.self) == "")
            #expect(try anonymous.decode(column: "date_of_birth", as: String.self) == "2003-09-01", "1 September of the academic year of birth")
            #expect(try anonymous.decode(column: "anonymised_on", as: String?.self) == Self.day.iso)
            #expect(try await rows(store, "need_assessment", of: people.sendPast31) == 1)
            let codes = try await store.sql.select().column("code").from("characteristic").where("person_id", .equal, people.sendPast31)
                .all(decodingColumn: "code", as: Int.self)
            #expect(codes == [CharacteristicCode.careLeaver.rawValue])
            for table in ["note", "address", "contact_detail", "person_name_key"] {
                #expect(try await rows(store, table, of: people.sendPast31) == 0, "\(table)")
            }
            #expect(try await rows(store, "activity", of: people.withHistory) == 1)
            // Nobody opens an anonymised record.
            let grant = AccessGrant(user: try #require(try await UserQueries(store: store).user(email: "data-manager@northmere.example")),
                                    scope: .authority(laCode: DemoAuthority.code))
            await #expect(throws: (any Error).self) { _ = try await AppServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
                .subjectAccess.preview(for: grant, person: people.sendPast31, at: Self.now) }
            // The figures still count the anonymised.
            let after = try #require(try await figures.figures(at: [monthEnd]).report.month(monthEnd)).headline
            #expect(after.cohort == before.cohort && after.neet == before.neet && after.notKnown == before.notKnown && after.eet == before.eet)

            // Tombstones, no personal data anywhere in the trail, and the chain holds.
            let tombstones = try await store.sql.select().columns("action", "person_id", "detail").from("audit_event")
                .where("action", .in, ["erase", "anonymise"]).where("entity", .equal, "young_person").all()
            let tombstoned = Set(try tombstones.map { try $0.decode(column: "person_id", as: Int64.self) })
            #expect(tombstoned.count == 6 && tombstoned.isSuperset(of: [people.past, people.onBirthday, people.sendPast31, people.withHistory]))
            #expect(!tombstoned.contains(people.dayShort) && !tombstoned.contains(people.sendAt26))
            for row in try await store.sql.select().column("*").from("audit_event").all() {
                for column in row.allColumns {
                    guard let text = try? row.decode(column: column, as: String?.self) else { continue }
                    for word in Self.personal where text.localizedCaseInsensitiveContains(word) {
                        Issue.record("audit_event.\(column) holds \(word): \(text)")
                    }
                    for date in [Self.born(yearsBefore: 25, days: -1), Self.born(yearsBefore: 31, days: -1)] where text.contains(date.iso) {
                        Issue.record("audit_event.\(column) holds a date of birth: \(text)")
                    }
                }
            }
            let verified = try await AuditTrailVerifier(store: store).verify()
            #expect(verified.firstBreak == nil, "the audit chain still verifies after the run")
            #expect(verified.checked > 0)

            let again = try await run.run(on: Self.day, dryRun: false, by: .system("test"), at: Self.now)
            #expect(again.erased == 0 && again.anonymised == 0, "a second run finds nothing left to do")
        }
    }
}
