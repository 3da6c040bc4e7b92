import Foundation
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkFormats
import WaymarkMatching
import WaymarkRecords
import Logging
import WaymarkStore
import WaymarkTestSupport

/// The school history as the application writes it (the demo loader, school
/// files and college files) and the scope built from it. Both engines.
@Suite struct SchoolReachAppTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

    /// Every school, college, provider and employer of a demo LA, on three
    /// days: the people the store's scope finds are exactly those the rule,
    /// read in plain Swift from each person's history, reaches.
    @Test(arguments: TestDatabases.engines)
    func theStoresScopeAgreesWithTheRuleAcrossADemoAuthority(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "test"), passwordCost: 4).run(people: 600, seed: 21, now: Self.now)
            let la = DemoAuthority.code
            let people = try await LinkageRecordsQuery(store: store).records(in: .authority(laCode: la)).compactMap { Int64($0.recordID) }
            var histories: [Int64: [EnrolmentSpell]] = [:]
            for person in people { histories[person] = try await EnrolmentQueries(store: store).history(of: person).map(\.spell) }
            #expect(histories.values.filter(\.isEmpty).count < people.count / 10, "nearly everyone has a school history")
            let organisations = try await OrganisationQueries(store: store).all().filter { $0.kind != .localAuthority }
            var reachedBySchools = 0
            for day in ["2026-11-18", "2024-10-01", "2028-09-01"].map(d) {
                for organisation in organisations {
                    let scope = AccessPolicy.scope(for: organisation, installationLA: la, on: day)
                    guard case .establishment(let reach, _) = scope else {
                        Issue.record("an establishment's scope is its reach")
                        continue
                    }
                    let found = Set(try await LinkageRecordsQuery(store: store).records(in: scope).compactMap { Int64($0.recordID) })
                    let expected = Set(people.filter { reach.reaches(histories[$0] ?? []) })
                    #expect(found == expected, "\(organisation.kind) \(organisation.id) on \(day)")
                    if organisation.kind == .school { reachedBySchools += found.count }
                }
            }
            #expect(reachedBySchools > people.count / 2, "schools reach their pupils and recent leavers")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aSchoolsFileAndACollegesFileWriteTheHistoryTheirReachFollows(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let (school, college) = try await store.change(by: .system("test"), at: Self.now) { tx in
                _ = try await tx.createOrganisation(NewOrganisation(kind: .localAuthority, name: DemoAuthority.name, laCode: DemoAuthority.code))
                return (
                    try await tx.createOrganisation(NewOrganisation(kind: .school, name: "Millbrook Park School", laCode: DemoAuthority.code,
                                                                    establishmentNumber: "9904001")),
                    try await tx.createOrganisation(NewOrganisation(kind: .furtherEducationCollege, name: "Northmere College", laCode: DemoAuthority.code,
                                                                    ukprn: "10004927")))
            }
            let runner = ImportRunner(store: store, laCode: try DemoAuthority.laCode)
            func run(_ text: String, _ kind: ImportKind) async throws -> ImportSummary {
                let data = Data(text.utf8)
                return try await runner.run(try ImportReader.read(data, format: .csv, kind: kind), fileName: "\(kind).csv", data: data,
                                            actor: .system("test"), now: Self.now)
            }
            let year11 = "Forename,Surname,DOB,Sex,Establishment number,Intended destination\nAmara,Okafor,2011-03-14,F,9904001,121\n"
            #expect(try await run(year11, .year11List).created == 1)
            let colleges = "Forename,Surname,Date of birth,Sex,UKPRN,Start date,College\nZephyrine,Quellington,01/02/2009,F,10004927,01/09/2026,Northmere College\n"
            #expect(try await run(colleges, .collegeEnrolments).created == 1)
            let everyone = try await LinkageRecordsQuery(store: store).records(in: .authority(laCode: DemoAuthority.code))
            let pupil = try #require(everyone.first { $0.givenName == "Amara" }.flatMap { Int64($0.recordID) })
            let student = try #require(everyone.first { $0.givenName == "Zephyrine" }.flatMap { Int64($0.recordID) })

            let roll = try await EnrolmentQueries(store: store).history(of: pupil)
            #expect(roll.map(\.spell) == [EnrolmentSpell(organisationID: school, yearGroup: 11, from: d("2026-11-18"), to: d("2027-08-31"))],
                    "on the roll from the day the file was read to the end of the academic year")
            #expect(roll.first?.source == "test", "the import's actor is the source")
            let enrolled = try await EnrolmentQueries(store: store).history(of: student)
            #expect(enrolled.map(\.organisationID) == [college] && enrolled.map(\.basis) == [.activity])

            let today = d("2026-11-18")
            func sees(_ organisation: Int64, _ kind: OrganisationKind, _ person: Int64) async throws -> Bool {
                let scope = RecordScope.establishment(reach: ReachPolicy.standard.reach(of: organisation, kind: kind, on: today), laCode: DemoAuthority.code)
                return try await CaseloadLookup(store: store).placement(of: person, in: scope) != nil
            }
            #expect(try await sees(school, .school, pupil))
            #expect(try await !sees(school, .school, student))
            #expect(try await sees(college, .furtherEducationCollege, student))
            #expect(try await !sees(college, .furtherEducationCollege, pupil))

            // The school's file again (new bytes): nobody new, and the roll is not written twice.
            let again = try await run(year11 + "\n", .year11List)
            #expect(again.created == 0 && again.updated == 0, "\(again)")
            #expect(try await EnrolmentQueries(store: store).history(of: pupil).count == 1)
        }
    }
}
