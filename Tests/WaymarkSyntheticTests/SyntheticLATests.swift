import Testing
import WaymarkCore
@testable import WaymarkSynthetic

func d(_ text: String) -> CalendarDate {
    do { return try CalendarDate(iso: text) } catch { fatalError("bad test date \(text)") }
}

struct SyntheticLATests {
    static let autumn = SyntheticLA(SyntheticLAConfiguration(seed: 7, people: 4_000, referenceDate: d("2026-10-31")))
    static let spring = SyntheticLA(SyntheticLAConfiguration(seed: 7, people: 4_000, referenceDate: d("2027-03-31")))
    static let autumnPeople = autumn.people(1..<4_001)

    @Test func theSameSeedGivesTheSamePeopleAndAnotherSeedDoesNot() {
        let again = SyntheticLA(SyntheticLAConfiguration(seed: 7, people: 4_000, referenceDate: d("2026-10-31")))
        #expect(again.people(1..<200) == Array(Self.autumnPeople[0..<199]))
        let other = SyntheticLA(SyntheticLAConfiguration(seed: 8, people: 4_000, referenceDate: d("2026-10-31")))
        #expect(other.people(1..<200) != Array(Self.autumnPeople[0..<199]))
    }

    @Test func anyPersonCanBeGeneratedAlone() {
        #expect(Self.autumn.person(1234) == Self.autumnPeople[1233])
        #expect(Self.autumnPeople.map(\.key) == Array(1...4_000))
    }

    @Test func ageBandsLookLikeALocalAuthority() {
        let ages = Self.autumnPeople.map { AcademicAge.of(dateOfBirth: $0.identity.dateOfBirth, on: d("2026-10-31")) }
        func share(_ age: ClosedRange<Int>) -> Double { Double(ages.filter(age.contains).count) / Double(ages.count) }
        #expect((0.18...0.26).contains(share(15...15)))
        #expect((0.45...0.57).contains(share(16...17)))
        #expect(ages.allSatisfy { (15...24).contains($0) })
        #expect(Self.autumnPeople.filter { AcademicAge.of(dateOfBirth: $0.identity.dateOfBirth, on: d("2026-10-31")) >= 20 }
            .allSatisfy { $0.needs.last?.hasSEND == true })
    }

    @Test func neetIsHigherInSpringThanInAutumnAndNotKnownIsSmall() {
        func shares(_ la: SyntheticLA, on date: CalendarDate) -> (neet: Double, notKnown: Double) {
            var counts: [String: Int] = [:]
            let classifier = ParticipationClassifier()
            for person in la.people(1..<4_001) {
                let facts = ParticipationFacts(
                    dateOfBirth: person.identity.dateOfBirth, cohortStatus: person.cohortStatus, hasSEND: person.needs.last?.hasSEND ?? false,
                    currentActivity: ActivityHistory.current(in: person.activities.map(\.record), on: date))
                let state = classifier.classify(facts, on: date)
                guard state.isInDenominator else { continue }
                counts["all", default: 0] += 1
                if state.isNEET { counts["neet", default: 0] += 1 }
                if state.isNotKnown { counts["nk", default: 0] += 1 }
            }
            let all = Double(counts["all"] ?? 1)
            return (Double(counts["neet"] ?? 0) / all, Double(counts["nk"] ?? 0) / all)
        }
        let autumn = shares(Self.autumn, on: d("2026-10-31"))
        let spring = shares(Self.spring, on: d("2027-03-31"))
        #expect((0.03...0.09).contains(autumn.neet), "autumn NEET \(autumn.neet)")
        #expect(spring.neet > autumn.neet + 0.01, "spring NEET \(spring.neet) vs autumn \(autumn.neet)")
        #expect((0.01...0.07).contains(autumn.notKnown), "not known \(autumn.notKnown)")
    }

    @Test func sendAndCharacteristicsAppearAtPlausibleRates() {
        let people = Self.autumnPeople
        let send = Double(people.filter { $0.needs.last?.hasSEND == true }.count) / Double(people.count)
        #expect((0.02...0.05).contains(send))
        #expect(people.allSatisfy { !($0.needs.last?.hasSEND == true && $0.needs.last?.hasSENSupport == true) })
        let vulnerable = Double(people.filter { $0.characteristics.contains { $0.code.isVulnerableGroup } }.count) / Double(people.count)
        #expect((0.05...0.20).contains(vulnerable))
        #expect(people.allSatisfy { $0.identity.gender != .male || !$0.characteristics.contains { $0.code == .pregnancy } })
    }

    @Test func everyActivityMeetsTheNationalRulesExceptThePlantedErrors() {
        var planted = 0
        // Planted duplicates are skipped: a wrong date of birth is their point, and it may clash with the pathway.
        for person in Self.autumnPeople where person.duplicateOf == nil {
            let characteristics = Set(person.characteristics.map(\.code))
            let context = PersonContext(
                dateOfBirth: person.identity.dateOfBirth, gender: person.identity.gender, hasSEND: person.needs.last?.hasSEND ?? false,
                characteristics: characteristics)
            for (index, activity) in person.activities.enumerated() {
                let isLast = index == person.activities.count - 1
                let entry = ActivityEntryRules.check(activity.record).map(\.rule)
                let personal = PersonActivityRules.check(activity.record, for: context, on: activity.record.startDate).map(\.rule)
                if isLast, !person.plantedErrors.isEmpty {
                    #expect(Set(person.plantedErrors).isSubset(of: Set(entry)), "planted \(person.plantedErrors) not found in \(entry)")
                    planted += 1
                } else {
                    #expect(entry.isEmpty && personal.isEmpty, "person \(person.key) activity \(activity.record.code.rawValue): \(entry + personal)")
                }
            }
            #expect(person.identity.violations().isEmpty, "person \(person.key): \(person.identity.violations())")
        }
        #expect(planted > 0)
    }

    @Test func identifiersAndContactDetailsHaveTheRightShape() {
        let people = Self.autumnPeople.filter { $0.duplicateOf == nil }
        let upns = people.compactMap(\.identity.upn)
        #expect(Set(upns).count == upns.count && upns.allSatisfy { $0.count == 13 })
        let ulns = people.compactMap(\.identity.uln)
        #expect(Set(ulns).count == ulns.count && ulns.allSatisfy { $0.count == 10 && $0.allSatisfy(\.isNumber) })
        for person in people {
            for address in person.addresses { #expect(address.postcode.wholeMatch(of: /NM\d{1,2} \d[A-Z]{2}/) != nil, "\(address.postcode)") }
            for detail in person.contactDetails where detail.kind == .mobile { #expect(detail.value.hasPrefix("07700 900")) }
            for detail in person.contactDetails where detail.kind == .email { #expect(detail.value.hasSuffix(".example.com") == false && detail.value.contains("@example.")) }
        }
        for organisation in Self.autumn.organisations {
            if let number = organisation.establishmentNumber { #expect(number.count == 7 && number.allSatisfy(\.isNumber)) }
            if let ukprn = organisation.ukprn { #expect(ukprn.count == 8 && ukprn.hasPrefix("1")) }
        }
    }

    @Test func someAreEducatedOutOfAreaAndSomeHaveMovedAway() {
        let people = Self.autumnPeople
        #expect(people.contains { $0.educatedLA != "990" })
        #expect(people.contains { $0.cohortStatus == .transferred && $0.transferredToLA != nil })
        #expect(people.contains { $0.addresses.count == 2 })
    }
}
