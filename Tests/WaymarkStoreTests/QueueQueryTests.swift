import Foundation
import SQLKit
import Testing
import WaymarkCore
import WaymarkRecords
@testable import WaymarkStore
import WaymarkTestSupport

/// A queue a page at a time, sorted by the columns a tracking officer uses,
/// with the ward filter matched whatever its case. Both engines.
@Suite struct QueueQueryTests {
    static let scope = RecordScope.authority(laCode: home.code)
    static let notKnown = QueueSelection.state(ParticipationState.notKnown(.noActivity).storedKind)

    /// Six people on the not-known queue: names, birthdays, wards and contacts chosen so each order differs.
    struct People {
        let ada, ben, cal, dee, eve, fay: Int64
    }

    static func run(_ engine: DatabaseEngine, _ body: (QueueQuery, People) async throws -> Void) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let people = try await store.change(by: .system("test"), at: fixedNow) { tx in
                func add(_ given: String, _ family: String, born: String, ward: String?, contacted: [String] = []) async throws -> Int64 {
                    let id = try await tx.createPerson(StoreFixtures.person(given, family: family, born: born))
                    if let ward {
                        try await tx.addAddress(
                            AddressRecord(lines: ["1 Mill Lane"], town: "Northmere", county: nil, postcode: "NM1 2AB", ward: ward, validFrom: d("2025-01-01")),
                            for: id)
                    }
                    for day in contacted {
                        _ = try await tx.recordContact(
                            NewContact(occurredAt: try #require(Timestamp.parse(day + "T10:00:00Z")), method: .phone, direction: .outbound, outcome: "no answer"), for: id)
                    }
                    return id
                }
                return People(
                    ada: try await add("Ada", "Walsh", born: "2010-05-01", ward: "Riverside", contacted: ["2026-10-01"]),
                    ben: try await add("Ben", "adams", born: "2009-11-20", ward: "castle", contacted: ["2026-06-01", "2026-11-01"]),
                    cal: try await add("Cal", "Adams", born: "2010-02-02", ward: nil),
                    dee: try await add("Dee", "Moss", born: "2010-08-30", ward: "RIVERSIDE ", contacted: ["2026-09-15"]),
                    eve: try await add("Eve", "Zeller", born: "2009-09-05", ward: "Castle"),
                    fay: try await add("Fay", "moss", born: "2010-01-10", ward: "Harbour"))
            }
            try await body(QueueQuery(store: store), people)
        }
    }

    static func ids(_ query: QueueQuery, _ order: QueueOrder, filter: QueueFilter = QueueFilter(), limit: Int? = nil, offset: Int = 0) async throws -> [Int64] {
        try await query.rows(Self.notKnown, in: Self.scope, filter: filter, on: d("2026-11-18"), order: order, limit: limit, offset: offset).map(\.member.id)
    }

    @Test(arguments: TestDatabases.engines)
    func eachColumnSortsBothWaysWithTheRecordNumberBreakingTies(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { (query, p) async throws in
            #expect(try await Self.ids(query, .record) == [p.ada, p.ben, p.cal, p.dee, p.eve, p.fay])
            // Family name then given name, whatever the case: adams Ben, Adams Cal, Moss Dee, moss Fay.
            #expect(try await Self.ids(query, QueueOrder(.name)) == [p.ben, p.cal, p.dee, p.fay, p.ada, p.eve])
            #expect(try await Self.ids(query, QueueOrder(.name, descending: true)) == [p.eve, p.ada, p.fay, p.dee, p.cal, p.ben])
            #expect(try await Self.ids(query, QueueOrder(.dateOfBirth)) == [p.eve, p.ben, p.fay, p.cal, p.ada, p.dee])
            #expect(try await Self.ids(query, QueueOrder(.dateOfBirth, descending: true)) == [p.dee, p.ada, p.cal, p.fay, p.ben, p.eve])
            // Longest since contact first: never contacted (in record order), then the oldest last contact.
            #expect(try await Self.ids(query, QueueOrder(.lastContact)) == [p.cal, p.eve, p.fay, p.dee, p.ada, p.ben])
            #expect(try await Self.ids(query, QueueOrder(.lastContact, descending: true)) == [p.ben, p.ada, p.dee, p.cal, p.eve, p.fay])
            // Ward ignoring case and spaces, nobody-with-a-ward last either way.
            #expect(try await Self.ids(query, QueueOrder(.ward)) == [p.ben, p.eve, p.fay, p.ada, p.dee, p.cal])
            #expect(try await Self.ids(query, QueueOrder(.ward, descending: true)) == [p.ada, p.dee, p.fay, p.ben, p.eve, p.cal])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func pagesFollowTheSortAndTheCountIsTheWholeQueue(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { (query, p) async throws in
            let byName = QueueOrder(.name)
            #expect(try await Self.ids(query, byName, limit: 4) == [p.ben, p.cal, p.dee, p.fay])
            #expect(try await Self.ids(query, byName, limit: 4, offset: 4) == [p.ada, p.eve])
            #expect(try await Self.ids(query, byName, limit: 4, offset: 8) == [])
            #expect(try await query.count(Self.notKnown, in: Self.scope, filter: QueueFilter(), on: d("2026-11-18")) == 6)
            #expect(try await query.ids(Self.notKnown, in: Self.scope, filter: QueueFilter(), on: d("2026-11-18"), order: byName) == [p.ben, p.cal, p.dee, p.fay, p.ada, p.eve],
                    "the export's ids come in the page's order")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theWardFilterIgnoresCaseAndOffersEachWardOnce(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { (query, p) async throws in
            let riverside = QueueFilter(ward: "riverside")
            #expect(try await Self.ids(query, .record, filter: riverside) == [p.ada, p.dee], "\"riverside\" finds Riverside and \"RIVERSIDE \"")
            #expect(try await query.count(Self.notKnown, in: Self.scope, filter: riverside, on: d("2026-11-18")) == 2)
            #expect(try await Self.ids(query, .record, filter: QueueFilter(ward: " CASTLE")) == [p.ben, p.eve])
            #expect(try await Self.ids(query, .record, filter: QueueFilter(ward: "River")) == [], "a ward is matched whole, not as a prefix")
            let wards = try await query.wards(in: Self.scope)
            #expect(wards.count == 3 && wards.map { $0.lowercased() } == ["castle", "harbour", "riverside"], "each ward once, whatever its case: \(wards)")
            #expect(try await query.wards(in: .authority(laCode: "999")) == [], "another authority's wards are not offered")
        }
    }
}
