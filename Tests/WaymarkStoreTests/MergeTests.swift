import Foundation
import SQLKit
import Testing
import WaymarkCore
import WaymarkMatching
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Merging two records of one young person, and undoing it exactly. Both engines.
@Suite struct MergeTests {
    static let scope = RecordScope.authority(laCode: home.code)

    /// Rows each history table holds for a person, in a stable order.
    static func history(_ store: Store, _ person: Int64) async throws -> [String: [Int64]] {
        var rows: [String: [Int64]] = [:]
        for table in ["activity", "address", "contact", "contact_detail", "person_alias"] {
            rows[table] = try await store.sql.select().column("id").from(table).where("person_id", .equal, person).orderBy("id")
                .all(decodingColumn: "id", as: Int64.self)
        }
        return rows
    }

    static func twoRecordsOfOnePerson(_ store: Store) async throws -> (kept: Int64, merged: Int64) {
        try await store.change(by: .system("test"), at: fixedNow) { tx in
            let kept = try await tx.createPerson(StoreFixtures.person())
            let merged = try await tx.createPerson(StoreFixtures.person("Amarah", family: "Okafor-Jones"))
            try await tx.recordActivity(StoreFixtures.college, for: kept)
            try await tx.recordActivity(
                ActivityRecord(code: .notKnown, startDate: d("2026-10-01"), dateAscertained: d("2026-10-01")), for: merged)
            try await tx.addAddress(AddressRecord(lines: ["1 Mill Lane"], town: "Northmere", county: nil, postcode: "NM1 2AB", ward: nil,
                                                  validFrom: d("2026-01-01")), for: merged)
            try await tx.recordContact(NewContact(occurredAt: fixedNow, method: .phone, direction: .outbound, outcome: "no answer"), for: merged)
            return (kept, merged)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aMergeMovesTheHistoryAndAnUndoPutsItAllBack(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let (kept, merged) = try await Self.twoRecordsOfOnePerson(store)
            let keptBefore = try await Self.history(store, kept)
            let mergedBefore = try await Self.history(store, merged)
            let mergeID = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.mergePeople(kept: kept, merged: merged) }

            let keptAfter = try await Self.history(store, kept)
            #expect(keptAfter["activity"]?.count == 2 && keptAfter["address"]?.count == 1 && keptAfter["contact"]?.count == 1)
            #expect(keptAfter["person_alias"]?.count == 1, "the merged name becomes a former name")
            #expect(try await Self.history(store, merged).values.allSatisfy(\.isEmpty))
            #expect(try await CaseloadLookup(store: store).placement(of: merged, in: Self.scope) == nil, "the merged record is out of every list")
            #expect(try await CaseloadLookup(store: store).placement(of: kept, in: Self.scope) != nil)
            #expect(try await MergeQueries(store: store).keptPerson(for: merged) == kept)
            #expect(try await LinkageRecordsQuery(store: store).records(in: Self.scope).map(\.recordID) == [String(kept)])
            #expect(try await MergeQueries(store: store).merge(mergeID)?.movedRows == 3)
            let keys = try await store.sql.select().column("family_key").from("person_name_key").where("person_id", .equal, kept)
                .all(decodingColumn: "family_key", as: String.self)
            #expect(keys.contains(PhoneticCode.of("jones")), "the merged name's search keys now lead to the kept record")

            // Recorded on the kept person after the merge: stays with them through the undo.
            let later = try await store.change(by: .system("test"), at: fixedNow) { tx in
                try await tx.recordContact(NewContact(occurredAt: fixedNow, method: .sms, direction: .outbound, outcome: "sent"), for: kept)
            }
            let restored = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.undoMerge(mergeID, by: nil) }
            #expect(restored == (kept, merged))
            var keptExpected = keptBefore
            keptExpected["contact"] = (keptBefore["contact"] ?? []) + [later]
            #expect(try await Self.history(store, kept) == keptExpected)
            #expect(try await Self.history(store, merged) == mergedBefore, "exactly the moved rows go back")
            #expect(try await CaseloadLookup(store: store).placement(of: merged, in: Self.scope) != nil)
            #expect(try await LinkageRecordsQuery(store: store).records(in: Self.scope).count == 2)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func mergesThatMakeNoSenseAreRefusedAndChangeNothing(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let (kept, merged) = try await Self.twoRecordsOfOnePerson(store)
            let before = try await Self.history(store, merged)
            await #expect(throws: MergeError.samePerson) {
                try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.mergePeople(kept: kept, merged: kept) }
            }
            await #expect(throws: MergeError.notFound(999)) {
                try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.mergePeople(kept: kept, merged: 999) }
            }
            let mergeID = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.mergePeople(kept: kept, merged: merged) }
            await #expect(throws: MergeError.alreadyMerged(merged)) {
                try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.mergePeople(kept: merged, merged: kept) }
            }
            _ = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.undoMerge(mergeID, by: nil) }
            await #expect(throws: MergeError.alreadyUndone(mergeID)) {
                try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.undoMerge(mergeID, by: nil) }
            }
            #expect(try await Self.history(store, merged) == before)
        }
    }
}

/// Which dates of birth could be the same one mistyped, for finding import candidates.
@Suite struct ImportCandidateDateTests {
    @Test func aWrongDayAWrongYearOrASwapStillFindsTheCandidate() {
        let same = ImportCandidatesQuery.Keys.couldBeSameDate
        #expect(same("2009-03-14", "2009-03-14"))
        #expect(same("2009-03-14", "2009-03-24"), "a wrong day")
        #expect(same("2009-03-14", "2010-03-14"), "a wrong year")
        #expect(same("2009-03-04", "2009-04-03"), "day and month swapped")
        #expect(!same("2009-03-14", "2009-07-02"))
        #expect(!same("2009-03-14", "garbage"))
    }
}
