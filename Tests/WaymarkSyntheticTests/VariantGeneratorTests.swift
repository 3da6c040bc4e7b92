import Testing
import WaymarkCore
@testable import WaymarkSynthetic

struct VariantGeneratorTests {
    let la = SyntheticLAConfigurationFixture.la

    @Test func plantedDuplicatesCarryTheirTruth() {
        let people = la.people(1..<3_001)
        let duplicates = people.filter { $0.duplicateOf != nil }
        #expect(!duplicates.isEmpty)
        for duplicate in duplicates {
            let truth = la.person(duplicate.duplicateOf!)
            #expect(truth.duplicateOf == nil)
            #expect(duplicate.identity != truth.identity || duplicate.addresses.last?.postcode != truth.addresses.last?.postcode)
            #expect(duplicate.activities == truth.activities)
        }
    }

    @Test func everyVariationChangesWhatItSays() {
        var random = SeededGenerator(seed: 3)
        let person = la.person(10)
        for variation in Variation.allCases {
            var identity = person.identity
            var postcode = person.addresses.last?.postcode
            let applied = VariantGenerator.apply(variation, to: &identity, postcode: &postcode, random: &random)
            guard applied else { continue }
            switch variation {
            case .missingUPN: #expect(identity.upn == nil)
            case .movedAddress: #expect(postcode != nil)
            case .swappedDayMonth, .digitInDOB: #expect(identity.dateOfBirth != person.identity.dateOfBirth)
            default: #expect(identity.givenName != person.identity.givenName || identity.familyName != person.identity.familyName)
            }
        }
    }

    @Test func dayAndMonthAreSwappedOnlyWhenBothCouldBeMonths() throws {
        var random = SeededGenerator(seed: 1)
        var identity = la.person(1).identity
        var postcode: String? = nil
        identity.dateOfBirth = try CalendarDate(iso: "2010-03-25")
        #expect(!VariantGenerator.apply(.swappedDayMonth, to: &identity, postcode: &postcode, random: &random))
        identity.dateOfBirth = try CalendarDate(iso: "2010-03-07")
        #expect(VariantGenerator.apply(.swappedDayMonth, to: &identity, postcode: &postcode, random: &random))
        #expect(identity.dateOfBirth == (try CalendarDate(iso: "2010-07-03")))
    }

    @Test func aTypoChangesOneLetter() {
        var random = SeededGenerator(seed: 5)
        for name in ["Okafor", "Smith", "Li"] {
            let typo = Typo.introduce(into: name, random: &random)
            #expect(typo != name)
            #expect(abs(typo.count - name.count) <= 1)
        }
    }
}

enum SyntheticLAConfigurationFixture {
    static let la = SyntheticLA(SyntheticLAConfiguration(seed: 11, people: 3_000, referenceDate: d("2026-11-25"), duplicateRate: 0.05))
}
