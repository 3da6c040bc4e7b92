import Foundation
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Search on both engines: close spellings found and nonsense not, a common
/// one-word name answered from its exact namesakes a page at a time, and
/// part of a postcode.
@Suite struct PersonSearchPagingTests {
    static let today = d("2026-11-18")
    static let scope = RecordScope.authority(laCode: "990")

    /// Adds people as "Given Family" (postcode optional), returning their ids in the order given.
    static func add(_ store: Store, _ people: [(String, String, String?)]) async throws -> [Int64] {
        let home = try ReturnFixtures.la
        return try await store.change(by: .system("test"), at: ReturnFixtures.now) { tx in
            var ids: [Int64] = []
            for (given, family, postcode) in people {
                let id = try await tx.createPerson(
                    NewYoungPerson(
                        identity: YoungPersonIdentity(
                            givenName: given, familyName: family, dateOfBirth: d("2009-05-01"), gender: .unknown, ethnicity: .notObtained, upn: nil,
                            uln: nil),
                        cohortStatus: .primary, responsibleLA: home, educatedLA: home))
                if let postcode {
                    try await tx.addAddress(
                        AddressRecord(lines: ["1 Mill Lane"], town: "Northmere", county: nil, postcode: postcode, ward: "Riverside", validFrom: d("2015-01-01")),
                        for: id)
                }
                ids.append(id)
            }
            return ids
        }
    }

    @Test(arguments: TestDatabases.engines)
    func nearMissesAreFoundAndNonsenseIsNot(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let ids = try await Self.add(
                store, [("John", "Smith", nil), ("Catherine", "Walsh", nil), ("Zac", "Morgan", nil), ("Rebecca", "Thompson", nil)])
            let search = PersonSearch(store: store)
            func first(_ text: String) async throws -> Int64? { try await search.search(text, in: Self.scope, today: Self.today).results.first?.id }
            #expect(try await first("smyth") == ids[0], "Smyth finds Smith")
            #expect(try await first("jon smith") == ids[0], "Jon finds John")
            #expect(try await first("john smyth") == ids[0])
            #expect(try await first("kathryn walsh") == ids[1], "Kathryn finds Catherine")
            #expect(try await first("thomson") == ids[3])
            for nonsense in ["zzzzqqq", "qqqq zzzz", "xkcdxkcd", "zzzzqqq smith", "zac qqqqqq"] {
                let outcome = try await search.search(nonsense, in: Self.scope, today: Self.today)
                #expect(outcome.results.isEmpty, "\(nonsense) answered \(outcome.results.map(\.name))")
                #expect(outcome.total == 0)
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aCommonNameListsItsExactNamesakesAPageAtATime(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let smiths = try await Self.add(store, ["Ada", "Bea", "Cy", "Di", "Ed", "Flo"].map { ($0, "Smith", nil) })
            let smyths = try await Self.add(store, [("Ann", "Smyth", nil), ("Bob", "SMYTHE", nil)])
            var search = PersonSearch(store: store)
            search.pageSize = 3
            search.commonName = 5
            var seen: [Int64] = []
            for page in 1...3 {
                let outcome = try await search.search("smith", in: Self.scope, today: Self.today, page: page)
                #expect(outcome.exactNameOnly)
                #expect(outcome.total == 6, "only the exact namesakes are counted")
                #expect(outcome.page == min(page, 2), "a page past the end is the last")
                if page <= 2 { seen += outcome.results.map(\.id) }
                #expect(outcome.results.allSatisfy { $0.score == 1 })
            }
            #expect(seen == smiths, "every Smith once, in a stable order, and no Smyth")

            // Counted only up to the cap: the total says "more than" and paging stops there.
            search.countCap = 4
            let capped = try await search.search("smith", in: Self.scope, today: Self.today, page: 9)
            #expect(capped.exactNameOnly && capped.totalIsCapped && capped.total == 4)
            #expect(capped.page == 2 && capped.results.map(\.id) == [smiths[3]], "the last page within the cap")
            search.countCap = 6
            #expect(try await !search.search("smith", in: Self.scope, today: Self.today).totalIsCapped, "exactly the cap is not more than it")
            search.countCap = 1_000

            search.commonName = 10
            var all: [PersonSearchResult] = []
            for page in 1...3 { all += try await search.search("smith", in: Self.scope, today: Self.today, page: page).results }
            #expect(Set(all.prefix(6).map(\.id)) == Set(smiths), "exact names first")
            #expect(Set(all.dropFirst(6).map(\.id)) == Set(smyths), "then the close spellings")
            #expect(all.count == 8)
            #expect(zip(all, all.dropFirst()).allSatisfy { $0.score >= $1.score }, "best first across pages")
            let outcome = try await search.search("smith", in: Self.scope, today: Self.today)
            #expect(!outcome.exactNameOnly)
            #expect(outcome.total == 8)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func partOfAPostcodeFindsThePeopleThereWhateverTheSpelling(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let ids = try await Self.add(
                store, [
                    ("Amy", "Stone", "NM1 4AB"), ("Ben", "Stone", "nm1 4xy"), ("Cal", "Stone", "NM14ZZ"), ("Dee", "Stone", "NM1 7AA"),
                    ("Eve", "Stone", "NM12 4AB"), ("Fay", "Stone", "NM3 4QT"),
                ])
            var search = PersonSearch(store: store)
            func found(_ text: String) async throws -> Set<Int64> {
                Set(try await search.search(text, in: Self.scope, today: Self.today).results.map(\.id))
            }
            for text in ["NM1 4", "nm1 4", "Nm1  4"] { #expect(try await found(text) == Set(ids[0...2]), "\(text)") }
            for text in ["NM1", "nm1"] { #expect(try await found(text) == Set(ids[0...3]), "\(text): not NM12") }
            #expect(try await found("NM12") == [ids[4]])
            let stoneInNM3 = try await search.search("stone NM3", in: Self.scope, today: Self.today).results
            #expect(stoneInNM3.first?.id == ids[5], "a name and an area: the person in the area first")
            #expect(stoneInNM3.first?.reasons == ["name", "postcode area"])
            #expect(try await found("NM9").isEmpty)
            search.pageSize = 2
            var paged: [Int64] = []
            for page in 1...2 {
                let outcome = try await search.search("NM1", in: Self.scope, today: Self.today, page: page)
                #expect(outcome.total == 4)
                #expect(outcome.results.allSatisfy { $0.reasons == ["postcode area"] })
                paged += outcome.results.map(\.id)
            }
            #expect(paged == Array(ids[0...3]))
            let request = try SearchQueryParser.parse("NM1 4 x1", today: Self.today)
            #expect(request.postcodeArea == "NM1 4")
            #expect(request.ignored == ["x1"], "X is no postcode area")
        }
    }
}
