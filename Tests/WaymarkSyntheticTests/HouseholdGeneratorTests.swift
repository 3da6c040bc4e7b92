import Testing
import WaymarkSynthetic

/// The households set: repeatable, with its truth, and as hard as promised:
/// brothers and sisters share a family name and address, twins a birthday.
@Suite struct HouseholdGeneratorTests {
    static let records = HouseholdGenerator.records(count: 20_000, seed: 5)

    @Test func sameSeedSameRecordsAndIdsSayNothing() {
        #expect(Self.records.count == 20_000)
        #expect(HouseholdGenerator.records(count: 20_000, seed: 5) == Self.records)
        #expect(Set(Self.records.map(\.recordID)).count == Self.records.count)
        #expect(HouseholdGenerator.records(count: 20_000, seed: 6) != Self.records)
    }

    @Test func householdsHoldBrothersSistersAndTwins() {
        var byHousehold: [Int: [HouseholdRecord]] = [:]
        for record in Self.records { byHousehold[record.householdKey, default: []].append(record) }
        var siblingPairs = 0, sharedAddress = 0, twinPairs = 0
        for members in byHousehold.values {
            for a in members.indices {
                for b in members.indices where b > a && members[a].personKey != members[b].personKey {
                    siblingPairs += 1
                    if members[a].address == members[b].address { sharedAddress += 1 }
                    if let x = members[a].dateOfBirth, let y = members[b].dateOfBirth, (x.year, x.month, x.day) == (y.year, y.month, y.day) {
                        twinPairs += 1
                    }
                }
            }
        }
        #expect(siblingPairs > 5_000)
        #expect(Double(sharedAddress) / Double(siblingPairs) > 0.5, "most brothers' and sisters' records give one address")
        #expect(twinPairs > 50)
        let people = Set(Self.records.map(\.personKey)).count
        #expect(people < Self.records.count * 9 / 10, "many people have more than one record")
    }

    @Test func sourcesKeepTheirHabits() {
        func share(_ source: RecordSource, _ has: (HouseholdRecord) -> Bool) -> Double {
            let from = Self.records.filter { $0.source == source }
            return Double(from.filter(has).count) / Double(max(from.count, 1))
        }
        #expect(share(.schoolCensus) { $0.upn != nil } > 0.85)
        #expect(share(.youthService) { $0.upn != nil } < 0.15)
        #expect(share(.college) { $0.uln != nil } > 0.6)
        let checked = Self.records.compactMap(\.upn).filter { $0.count == 13 }
        #expect(checked.count > 5_000, "UPNs are a check letter and twelve digits")
    }
}
