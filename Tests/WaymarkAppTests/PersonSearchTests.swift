import Foundation
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Person search on both engines: typos, nicknames, hyphenated and former
/// names, dates of birth, postcodes, UPN and ULN, ranking and scope.
@Suite struct PersonSearchTests {
    struct People {
        var ids: [String: Int64] = [:]
        var schoolID: Int64 = 0
        subscript(_ name: String) -> Int64 { ids[name] ?? -1 }
    }

    static let today = d("2026-11-18")

    static func populate(_ store: Store) async throws -> People {
        let home = try ReturnFixtures.la
        let kent = try DemoAuthority.registry.code("886")
        return try await store.change(by: .system("test"), at: ReturnFixtures.now) { tx in
            var people = People()
            people.schoolID = try await tx.createOrganisation(NewOrganisation(kind: .school, name: "Northmere Academy", laCode: "990"))
            let otherSchool = try await tx.createOrganisation(NewOrganisation(kind: .school, name: "Kelstow High", laCode: "990"))
            func add(
                _ given: String, _ family: String, born: String, postcode: String? = nil, upn: String? = nil, uln: String? = nil,
                la: LocalAuthorityCode? = nil, school: Int64? = nil
            ) async throws -> Int64 {
                let id = try await tx.createPerson(
                    NewYoungPerson(
                        identity: YoungPersonIdentity(
                            givenName: given, familyName: family, dateOfBirth: d(born), gender: .unknown, ethnicity: .notObtained, upn: upn,
                            uln: uln),
                        cohortStatus: .primary, responsibleLA: la ?? home, educatedLA: la ?? home, schoolID: school))
                if let postcode {
                    try await tx.addAddress(
                        AddressRecord(lines: ["1 Mill Lane"], town: "Northmere", county: nil, postcode: postcode, ward: nil, validFrom: d("2015-01-01")),
                        for: id)
                }
                people.ids["\(given) \(family)\(la == nil ? "" : " (\(la!.code))")"] = id
                return id
            }
            let william = try await add(
                "William", "Jackson", born: "2009-03-14", postcode: "NM3 4QT", upn: "H990250000123", uln: "4000000123", school: people.schoolID)
            try await tx.recordActivity(
                ActivityRecord(
                    code: .furtherEducation, startDate: d("2025-09-03"), dateAscertained: d("2025-09-20"), dateVerified: d("2026-09-15"),
                    predictedEndDate: d("2027-07-16"), establishmentNumber: "9908001", establishmentName: "Northmere College"),
                for: william)
            // Both were in Year 11 in 2024/25, at different schools.
            try await tx.recordEnrolment(
                NewEnrolment(organisationID: people.schoolID, kind: .schoolRoll, yearGroup: 11, from: d("2024-09-01"), to: d("2025-08-31")), for: william)
            let wilma = try await add("Wilma", "Jackson", born: "2009-03-14", postcode: "NM3 4QA", school: otherSchool)
            try await tx.recordEnrolment(
                NewEnrolment(organisationID: otherSchool, kind: .schoolRoll, yearGroup: 11, from: d("2024-09-01"), to: d("2025-08-31")), for: wilma)
            _ = try await add("William", "Johnson", born: "2008-05-05", postcode: "NM2 7ZZ")
            _ = try await add("Alexandra", "Bennett-Clarke", born: "2008-11-02", postcode: "NM1 1AA")
            let ella = try await add("Ella", "Smith", born: "2009-06-30")
            try await tx.addAlias(to: ella, givenName: nil, familyName: "Jones", kind: "former")
            _ = try await add("Mohammed", "Khan", born: "2010-01-05")
            _ = try await add("Jonathan", "Smith", born: "2009-03-14")
            _ = try await add("Zoë", "O'Brien", born: "2009-07-07")
            _ = try await add("William", "Jackson", born: "2009-03-14", la: kent)
            return people
        }
    }

    static func search(_ store: Store, _ text: String, scope: RecordScope = .authority(laCode: "990")) async throws -> [PersonSearchResult] {
        try await PersonSearch(store: store).search(text, in: scope, today: today).results
    }

    static func run(_ engine: DatabaseEngine, _ body: (Store, People) async throws -> Void) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let people = try await populate(store)
            try await body(store, people)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func misspeltNamesFindThePersonFirst(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, people in
            for text in ["william jakson", "Wiliam Jackson", "william jackdon", "jackson william", "willaim jacksno", "JACKSON, William"] {
                let results = try await Self.search(store, text)
                #expect(results.first?.id == people["William Jackson"], "\(text)")
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func nicknamesFindTheFullName(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, people in
            let bill = try await Self.search(store, "bill jackson")
            #expect(bill.first?.id == people["William Jackson"])
            #expect(bill.first?.reasons.contains("nickname") == true)
            #expect(try await Self.search(store, "sasha bennett-clarke").first?.id == people["Alexandra Bennett-Clarke"])
            #expect(try await Self.search(store, "mo khan").first?.id == people["Mohammed Khan"])
            #expect(try await Self.search(store, "muhammad khan").first?.id == people["Mohammed Khan"])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func onePartOfAHyphenatedSurnameFinds(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, people in
            for text in ["alexandra clarke", "alexandra bennett", "bennett-clarke", "Bennett Clarke", "clarke"] {
                let first = try await Self.search(store, text).first
                #expect(first?.id == people["Alexandra Bennett-Clarke"], "\(text)")
            }
            let zoe = try await Self.search(store, "zoe obrien").first
            #expect(zoe?.id == people["Zoë O'Brien"], "accents and apostrophes do not matter")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aFormerSurnameFindsThePerson(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, people in
            let results = try await Self.search(store, "ella jones")
            #expect(results.first?.id == people["Ella Smith"])
            #expect(results.first?.reasons.contains("former name") == true)
            #expect(results.first?.name == "Ella Smith", "the result shows the current name")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func datesOfBirthInEveryCommonFormat(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, people in
            let born = Set([people["William Jackson"], people["Wilma Jackson"], people["Jonathan Smith"]])
            for text in ["14/03/2009", "14/3/2009", "14-03-2009", "14.03.2009", "2009-03-14", "14/03/09", "14032009", "14 March 2009", "14 mar 09"] {
                let results = try await Self.search(store, text)
                #expect(Set(results.map(\.id)) == born, "\(text)")
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func postcodesWithOrWithoutASpaceAndIdentifiers(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, people in
            let william = people["William Jackson"]
            for text in ["NM3 4QT", "nm34qt", "Nm3 4qt", "H990250000123", "h990250000123", "4000000123"] {
                let results = try await Self.search(store, text)
                #expect(results.map(\.id) == [william], "\(text)")
            }
            let result = try #require(try await Self.search(store, "NM3 4QT").first)
            #expect(result.postcode == "NM3 4QT")
            #expect(result.school == "Northmere Academy")
            #expect(result.activity == .furtherEducation)
            #expect(result.dateOfBirth == "2009-03-14")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aMixedSearchPutsThePersonWhoFitsEverythingFirst(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, people in
            let results = try await Self.search(store, "jon smith 14/03/2009")
            #expect(results.first?.id == people["Jonathan Smith"])
            #expect(results.first?.reasons == ["nickname", "date of birth"])
            #expect(try await Self.search(store, "jackson NM3 4QT").first?.id == people["William Jackson"])
            #expect(try await Self.search(store, "jackson 14/03/2009").prefix(2).map(\.id).sorted() == [people["William Jackson"], people["Wilma Jackson"]].sorted())
            #expect(try await Self.search(store, "william jackson 15/03/2009").first?.id == people["William Jackson"], "a near date of birth still finds")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theExactNameRanksAboveSimilarOnes(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, people in
            let results = try await Self.search(store, "william jackson")
            #expect(results.first?.id == people["William Jackson"])
            #expect(results.first?.score == 1)
            let others = results.dropFirst().map(\.id)
            #expect(Set(others).isSubset(of: [people["Wilma Jackson"], people["William Johnson"]]))
            #expect(results.allSatisfy { $0.score <= results[0].score })
            #expect(try await Self.search(store, "nobody atall").isEmpty)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func searchOnlyFindsPeopleTheScopeAllows(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, people in
            let everywhere = try await Self.search(store, "william jackson 14/03/2009")
            #expect(!everywhere.map(\.id).contains(people["William Jackson (886)"]), "another LA's namesake stays hidden")
            let kent = try await Self.search(store, "william jackson", scope: .authority(laCode: "886"))
            #expect(kent.map(\.id) == [people["William Jackson (886)"]])
            let school = RecordScope.establishment(reach: ReachPolicy.standard.reach(of: people.schoolID, kind: .school, on: Self.today), laCode: "990")
            for text in ["jackson", "14/03/2009", "NM3 4QA", "wilma jackson"] {
                let results = try await Self.search(store, text, scope: school)
                #expect(Set(results.map(\.id)).isSubset(of: [people["William Jackson"]]), "\(text)")
            }
            #expect(try await Self.search(store, "william jackson", scope: school).map(\.id) == [people["William Jackson"]],
                    "the school finds its Year 11 leaver of 2025")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func searchingWritesNoAuditEvents(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, _ in
            let count: () async throws -> Int = {
                try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_event").first()?.decode(column: "n", as: Int.self) ?? -1
            }
            let before = try await count()
            _ = try await Self.search(store, "william jackson")
            #expect(try await count() == before)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func bulkLoadedPeopleAreFoundByTheirNamesAndAliases(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let home = try ReturnFixtures.la
            let person = NewYoungPerson(
                identity: YoungPersonIdentity(
                    givenName: "Katherine", middleNames: "Rose", familyName: "Ashworth-Pemberton", dateOfBirth: d("2009-05-01"), gender: .female,
                    ethnicity: .whiteBritish, upn: nil, uln: nil),
                cohortStatus: .primary, responsibleLA: home, educatedLA: home)
            let loader = BulkLoader(store: store)
            try await loader.load(
                [BulkPerson(id: 41, person: person, aliases: [BulkAlias(givenName: nil, familyName: "Marsh", kind: "former")])],
                by: .system("test"), at: ReturnFixtures.now)
            try await loader.finish()
            for text in ["katie ashworth", "catherine pemberton", "rose ashworth-pemberton", "kate marsh"] {
                let first = try await Self.search(store, text).first
                #expect(first?.id == 41, "\(text)")
            }
        }
    }

    @Test func badInputGetsAClearMessage() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            let search = PersonSearch(store: store)
            let scope = RecordScope.authority(laCode: "990")
            for (text, expected) in [
                ("", SearchInputError.empty), ("   ", .empty), (String(repeating: "a", count: 10_000), .tooLong(limit: 200)),
                ("!!! ... ---", .nothingToSearch), ("31/02/2009", .nothingToSearch), ("99999", .nothingToSearch),
            ] {
                await #expect(throws: expected) { _ = try await search.search(text, in: scope, today: Self.today) }
            }
            #expect(SearchInputError.tooLong(limit: 200).description.contains("200 characters"))
        }
    }

    @Test func theParserReadsEachKindOfWord() throws {
        let request = try SearchQueryParser.parse("Jon O'Brien-Smith 14/03/09 NM3 4QT h990250000123 4000000123 x1", today: Self.today)
        #expect(request.nameWords == [["jon"], ["obrien", "smith"]])
        #expect(request.dateOfBirth == d("2009-03-14"))
        #expect(request.postcode == "NM3 4QT")
        #expect(request.upn == "H990250000123")
        #expect(request.uln == "4000000123")
        #expect(request.ignored == ["x1"])
        #expect(request.kinds == ["name", "dob", "postcode", "upn", "uln"])
        #expect(try SearchQueryParser.parse("1/2/98", today: Self.today).dateOfBirth == d("1998-02-01"), "a two-digit year is never in the future")
        #expect(try SearchQueryParser.parse("1/2/26", today: Self.today).dateOfBirth == d("2026-02-01"))
        #expect(throws: SearchInputError.nothingToSearch) { try SearchQueryParser.parse("03/14/2009", today: Self.today) }
    }
}
