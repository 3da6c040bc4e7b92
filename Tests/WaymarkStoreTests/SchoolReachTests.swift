import Foundation
import SQLKit
import Testing
import WaymarkCore
import WaymarkRecords
@testable import WaymarkStore
import WaymarkTestSupport

/// Who a school, college or provider can see, decided from the school history
/// (docs/POLICIES.md, "Who a school, college or provider can see"). Both engines.
@Suite struct SchoolReachTests {
    struct Places {
        let schoolA: Int64
        let schoolB: Int64
        let college: Int64
        let provider: Int64
        let employer: Int64
    }

    static let today = d("2026-11-18")
    static let providerUKPRN = "10050000"

    static func places(_ tx: ChangeTransaction) async throws -> Places {
        func add(_ kind: OrganisationKind, _ name: String, number: String? = nil, ukprn: String? = nil) async throws -> Int64 {
            try await tx.createOrganisation(NewOrganisation(kind: kind, name: name, laCode: home.code, establishmentNumber: number, ukprn: ukprn))
        }
        return Places(
            schoolA: try await add(.school, "Millbrook Park School", number: "9904001"),
            schoolB: try await add(.school, "Harbour Academy", number: "9904002"),
            college: try await add(.furtherEducationCollege, "Northmere College", ukprn: "10004927"),
            provider: try await add(.trainingProvider, "Northmere Training", ukprn: providerUKPRN),
            employer: try await add(.employer, "Northmere Foods"))
    }

    static func scope(_ organisation: Int64, _ kind: OrganisationKind, on day: CalendarDate = today, policy: ReachPolicy = .standard) -> RecordScope {
        .establishment(reach: policy.reach(of: organisation, kind: kind, on: day), laCode: home.code)
    }

    static func sees(_ store: Store, _ scope: RecordScope, _ person: Int64) async throws -> Bool {
        try await CaseloadLookup(store: store).placement(of: person, in: scope) != nil
    }

    static func roll(_ organisation: Int64, year: Int?, _ from: String, _ to: String?) -> NewEnrolment {
        NewEnrolment(organisationID: organisation, kind: .schoolRoll, yearGroup: year, from: d(from), to: to.map(d))
    }

    /// A fresh store with the organisations.
    static func run(_ engine: DatabaseEngine, _ body: (Store, Places) async throws -> Void) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            try await body(store, try await store.change(by: .system("test"), at: fixedNow) { tx in try await Self.places(tx) })
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aSchoolSeesItsCurrentPupilsAndNotAnotherSchools(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, places in
            let people = try await store.change(by: .system("test"), at: fixedNow) { tx in
                let pupil = try await tx.createPerson(StoreFixtures.person(born: "2011-03-14"))
                try await tx.recordEnrolment(.onRoll(of: places.schoolA, kind: .schoolRoll, yearGroup: 11, reportedOn: d("2026-10-01")), for: pupil)
                // The school shown on the record no longer decides anything.
                var shownOnly = StoreFixtures.person("Zara", born: "2011-04-02")
                shownOnly.schoolID = places.schoolA
                return (pupil, try await tx.createPerson(shownOnly))
            }
            let (pupil, shownOnly) = people
            let schoolA = Self.scope(places.schoolA, .school)
            #expect(try await Self.sees(store, schoolA, pupil))
            #expect(try await !Self.sees(store, Self.scope(places.schoolB, .school), pupil))
            #expect(try await !Self.sees(store, Self.scope(places.college, .furtherEducationCollege), pupil))
            #expect(try await !Self.sees(store, schoolA, shownOnly), "school_id alone gives no access")
            let queued = try await QueueQuery(store: store).rows(of: [pupil, shownOnly], in: schoolA, on: Self.today).map(\.member.id)
            #expect(queued == [pupil], "the queues use the same scope")
            #expect(try await LinkageRecordsQuery(store: store).records(in: schoolA).map(\.recordID) == [String(pupil)])
            let history = try await EnrolmentQueries(store: store).history(of: pupil)
            #expect(history.map(\.spell) == [EnrolmentSpell(organisationID: places.schoolA, yearGroup: 11, from: d("2026-10-01"), to: d("2027-08-31"))],
                    "a roll runs to the end of the academic year it was reported in")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aYear11LeaverIsInReachForThreeAcademicYearsAfterTheYearTheyLeft(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, places in
            let leaver = try await store.change(by: .system("test"), at: fixedNow) { tx in
                let leaver = try await tx.createPerson(StoreFixtures.person(born: "2008-03-14"))
                // Year 11 in 2023/24, left in July 2024.
                try await tx.recordEnrolment(Self.roll(places.schoolA, year: 11, "2023-09-01", "2024-07-19"), for: leaver)
                return leaver
            }
            #expect(try await Self.sees(store, Self.scope(places.schoolA, .school), leaver))
            #expect(try await Self.sees(store, Self.scope(places.schoolA, .school, on: d("2027-08-31")), leaver), "the last day of 2026/27")
            #expect(try await !Self.sees(store, Self.scope(places.schoolA, .school, on: d("2027-09-01")), leaver), "out from 1 September 2027")
            let oneYear = ReachPolicy(leaverAcademicYears: 1)
            #expect(try await Self.sees(store, Self.scope(places.schoolA, .school, on: d("2025-08-31"), policy: oneYear), leaver))
            #expect(try await !Self.sees(store, Self.scope(places.schoolA, .school, policy: oneYear), leaver), "the window is the policy's")
            #expect(try await !Self.sees(store, Self.scope(places.schoolA, .school, on: d("2023-08-31")), leaver), "nor before they joined")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aPupilWhoMovesIsTheNewSchoolsAndTheOldOnlyAsAYear11Leaver(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, places in
            let people = try await store.change(by: .system("test"), at: fixedNow) { tx in
                let inYear10 = try await tx.createPerson(StoreFixtures.person("Kofi", born: "2011-03-14"))
                try await tx.recordEnrolment(.onRoll(of: places.schoolA, kind: .schoolRoll, yearGroup: 10, reportedOn: d("2025-10-01")), for: inYear10)
                try await tx.recordEnrolment(.onRoll(of: places.schoolB, kind: .schoolRoll, yearGroup: 11, reportedOn: d("2026-09-15")), for: inYear10)
                let inYear11 = try await tx.createPerson(StoreFixtures.person("Ama", born: "2011-04-20"))
                try await tx.recordEnrolment(.onRoll(of: places.schoolA, kind: .schoolRoll, yearGroup: 11, reportedOn: d("2026-09-10")), for: inYear11)
                try await tx.recordEnrolment(.onRoll(of: places.schoolB, kind: .schoolRoll, yearGroup: 11, reportedOn: d("2026-10-05")), for: inYear11)
                // The old school's file again, later: the history has it already and the move stands.
                let again = try await tx.recordEnrolment(
                    .onRoll(of: places.schoolA, kind: .schoolRoll, yearGroup: 11, reportedOn: d("2026-09-10")), for: inYear11)
                return (inYear10, inYear11, again)
            }
            let (inYear10, inYear11, again) = people
            let schoolA = Self.scope(places.schoolA, .school)
            let schoolB = Self.scope(places.schoolB, .school)
            #expect(try await Self.sees(store, schoolB, inYear10))
            #expect(try await Self.sees(store, schoolB, inYear11))
            #expect(try await !Self.sees(store, schoolA, inYear10), "left in Year 10: never on the old school's Year 11 roll")
            #expect(try await Self.sees(store, schoolA, inYear11), "left during Year 11: a Year 11 leaver of the old school")
            #expect(try await !Self.sees(store, Self.scope(places.schoolA, .school, on: d("2030-09-01")), inYear11))
            #expect(again == nil)
            let history = try await EnrolmentQueries(store: store).history(of: inYear11).map(\.spell)
            #expect(history == [
                EnrolmentSpell(organisationID: places.schoolA, yearGroup: 11, from: d("2026-09-10"), to: d("2026-10-04")),
                EnrolmentSpell(organisationID: places.schoolB, yearGroup: 11, from: d("2026-10-05"), to: d("2027-08-31")),
            ], "joining another school's roll ends the old one the day before")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aCollegeOrProviderSeesWhoEnrolsOrStartsWithItAndNobodyElse(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, places in
            let people = try await store.change(by: .system("test"), at: fixedNow) { tx in
                let student = try await tx.createPerson(StoreFixtures.person("Amara", born: "2010-03-14"))
                try await tx.recordActivity(StoreFixtures.college, for: student, organisationID: places.college)
                let never = try await tx.createPerson(StoreFixtures.person("Zara", born: "2010-05-14"))
                try await tx.recordActivity(ActivityRecord(code: .seekingEET, startDate: d("2026-09-01"), dateAscertained: d("2026-09-10"),
                                                           neetStartDate: d("2026-09-01")), for: never)
                // Named by UKPRN only: the provider is found from it.
                let trainee = try await tx.createPerson(StoreFixtures.person("Kemi", born: "2009-06-01"))
                try await tx.recordActivity(ActivityRecord(code: .otherTraining, startDate: d("2026-10-05"), dateAscertained: d("2026-10-05"),
                                                           dateVerified: d("2026-10-05"), predictedEndDate: d("2027-04-05"), ukprn: Self.providerUKPRN),
                                            for: trainee)
                // Dropped out in January 2023 (2022/23) and in March 2024 (2023/24).
                func dropOut(_ given: String, start: String, left: String) async throws -> Int64 {
                    let id = try await tx.createPerson(StoreFixtures.person(given, born: "2006-02-02"))
                    try await tx.recordActivity(ActivityRecord(code: .furtherEducation, startDate: d(start), dateAscertained: d(start),
                                                               dateVerified: d(start), predictedEndDate: d("2024-07-31")), for: id, organisationID: places.college)
                    try await tx.recordActivity(ActivityRecord(code: .seekingEET, startDate: d(left), dateAscertained: d(left), neetStartDate: d(left)), for: id)
                    return id
                }
                let longGone = try await dropOut("Tobi", start: "2022-09-05", left: "2023-02-01")
                let recent = try await dropOut("Tomi", start: "2023-09-04", left: "2024-03-01")
                let worker = try await tx.createPerson(StoreFixtures.person("Ife", born: "2008-01-09"))
                try await tx.recordActivity(ActivityRecord(code: .employmentWithoutTraining, startDate: d("2026-07-01"), dateAscertained: d("2026-07-01")),
                                            for: worker, organisationID: places.employer)
                return (student, never, trainee, longGone, recent, worker)
            }
            let (student, never, trainee, longGone, recent, worker) = people
            let college = Self.scope(places.college, .furtherEducationCollege)
            let provider = Self.scope(places.provider, .trainingProvider)
            #expect(try await Self.sees(store, college, student))
            #expect(try await !Self.sees(store, college, never))
            #expect(try await Self.sees(store, provider, trainee))
            #expect(try await !Self.sees(store, provider, student))
            #expect(try await Self.sees(store, college, recent), "left in 2023/24: within three academic years")
            #expect(try await !Self.sees(store, college, longGone), "left in 2022/23: out since 1 September 2026")
            #expect(try await EnrolmentQueries(store: store).history(of: longGone).map(\.to) == [d("2023-01-31")],
                    "the next activity ended the spell the day before it began")
            #expect(try await !Self.sees(store, Self.scope(places.employer, .employer), worker), "an employer reaches nobody")
            #expect(try await EnrolmentQueries(store: store).history(of: worker).isEmpty)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aMergedPersonIsNobodysAndAnUndoGivesTheirHistoryBack(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, places in
            let people = try await store.change(by: .system("test"), at: fixedNow) { tx in
                let kept = try await tx.createPerson(StoreFixtures.person())
                let merged = try await tx.createPerson(StoreFixtures.person("Amarah", family: "Okafor-Jones"))
                try await tx.recordEnrolment(.onRoll(of: places.schoolA, kind: .schoolRoll, yearGroup: 11, reportedOn: d("2026-10-01")), for: merged)
                return (kept, merged)
            }
            let (kept, merged) = people
            let school = Self.scope(places.schoolA, .school)
            let mergeID = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.mergePeople(kept: kept, merged: merged) }
            #expect(try await !Self.sees(store, school, merged), "a merged record is nobody's")
            #expect(try await Self.sees(store, school, kept), "its school history now belongs to the kept record")
            #expect(try await EnrolmentQueries(store: store).history(of: merged).isEmpty)
            _ = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.undoMerge(mergeID, by: nil) }
            #expect(try await Self.sees(store, school, merged))
            #expect(try await !Self.sees(store, school, kept))
            #expect(try await EnrolmentQueries(store: store).history(of: merged).count == 1)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func anEnrolmentEndingBeforeItStartsIsRefused(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, places in
            let person = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.createPerson(StoreFixtures.person()) }
            await #expect(throws: ValidationFailure.self) {
                try await store.change(by: .system("test"), at: fixedNow) { tx in
                    try await tx.recordEnrolment(Self.roll(places.schoolA, year: 11, "2026-09-01", "2026-08-31"), for: person)
                }
            }
        }
    }

    /// The migration fills the history from the school a record was made with
    /// and the activities at schools, colleges and providers, as live writes would.
    @Test(arguments: TestDatabases.engines)
    func theMigrationFillsTheHistoryFromRecordsAlreadyHeld(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, places in
            let people = try await store.change(by: .system("test"), at: fixedNow) { tx in
                var leaver = StoreFixtures.person(born: "2009-03-14")
                leaver.schoolID = places.schoolA
                let id = try await tx.createPerson(leaver)
                try await tx.recordActivity(ActivityRecord(code: .furtherEducation, startDate: d("2025-09-01"), dateAscertained: d("2025-09-01"),
                                                           dateVerified: d("2025-09-01"), predictedEndDate: d("2027-07-31")), for: id, organisationID: places.college)
                try await tx.recordActivity(ActivityRecord(code: .seekingEET, startDate: d("2026-03-01"), dateAscertained: d("2026-03-01"),
                                                           neetStartDate: d("2026-03-01")), for: id)
                try await tx.recordActivity(ActivityRecord(code: .apprenticeship, startDate: d("2026-06-01"), dateAscertained: d("2026-06-01"),
                                                           dateVerified: d("2026-06-01"), ukprn: Self.providerUKPRN), for: id)
                var younger = StoreFixtures.person("Kofi", born: "2012-05-01")
                younger.schoolID = places.schoolB
                return (id, try await tx.createPerson(younger))
            }
            let (leaver, younger) = people
            let live = try await EnrolmentQueries(store: store).history(of: leaver).map(\.spell)
            #expect(live == [
                EnrolmentSpell(organisationID: places.college, yearGroup: nil, from: d("2025-09-01"), to: d("2026-02-28")),
                EnrolmentSpell(organisationID: places.provider, yearGroup: nil, from: d("2026-06-01"), to: nil),
            ])
            try await store.sql.raw("DELETE FROM enrolment").run()
            try await EnrolmentBackfill(db: store.sql).run()
            let filled = try await EnrolmentQueries(store: store).history(of: leaver)
            #expect(filled.map(\.spell) == [
                EnrolmentSpell(organisationID: places.schoolA, yearGroup: 11, from: d("2024-09-01"), to: d("2025-08-31")),
            ] + live, "the Year 11 roll their date of birth gives, and the same spells as live writes")
            #expect(filled.allSatisfy { $0.source == EnrolmentBackfill.source })
            #expect(try await EnrolmentQueries(store: store).history(of: younger).map(\.spell) == [
                EnrolmentSpell(organisationID: places.schoolB, yearGroup: 10, from: d("2026-11-18"), to: d("2027-08-31")),
            ], "made before Year 11: that year's roll, as an import that day would write")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theBulkLoaderWritesTheHistoryWithThePeople(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, places in
            let person = BulkPerson(id: 500, person: StoreFixtures.person(), enrolments: [
                Self.roll(places.schoolA, year: 11, "2025-09-01", "2026-08-31"),
                NewEnrolment(organisationID: places.college, kind: .college, from: d("2026-09-03"), to: d("2028-07-31"), basis: .activity),
            ])
            try await BulkLoader(store: store).load([person], by: .system("demo-generator"), at: fixedNow)
            try await BulkLoader(store: store).finish()
            let history = try await EnrolmentQueries(store: store).history(of: 500)
            #expect(history.map(\.basis) == [.roll, .activity] && history.allSatisfy { $0.source == "demo-generator" })
            #expect(try await Self.sees(store, Self.scope(places.schoolA, .school), 500))
            #expect(try await Self.sees(store, Self.scope(places.college, .sixthFormCollege), 500))
        }
    }
}
