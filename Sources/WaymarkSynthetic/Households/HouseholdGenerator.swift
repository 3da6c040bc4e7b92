import Dispatch
import Foundation

/// A population that is as hard to deduplicate as real records of young
/// people: households of one to five children (twins among them) sharing a
/// family name, address, postcode, phone and often school; families that
/// moved; surname changes and double-barrelled names; nicknames, typos,
/// swapped names and dates; identifiers missing at each source's own rate
/// and occasionally mistyped or belonging to a sibling. Four sources (school
/// census, college, youth service, admissions) each keep their own habits
/// (see ``SourceHabits``). Every record carries its truth.
///
/// Households are generated independently from (seed, household), in
/// parallel, so the same seed always gives the same records.
public enum HouseholdGenerator {
    /// `count` records (the last household may be cut short), in a fixed order.
    public static func records(count: Int, seed: UInt64, referenceYear: Int = 2026) -> [HouseholdRecord] {
        guard count > 0 else { return [] }
        let perChunk = 2_000
        var records: [HouseholdRecord] = []
        records.reserveCapacity(count + perChunk * 4)
        var nextChunk = 0
        while records.count < count {
            // About three records a household: enough chunks for the rest, plus one.
            let chunks = max(1, (count - records.count) / (perChunk * 3) + 1)
            let first = nextChunk
            let parts = ConcurrentJobs.map(count: chunks) { offset -> [HouseholdRecord] in
                let chunk = first + offset
                var out: [HouseholdRecord] = []
                for index in 0..<perChunk {
                    let key = chunk * perChunk + index + 1
                    var random = SeededGenerator(seed: seed, stream: UInt64(key) &* 0x2545_F491_4F6C_DD1D)
                    let household = makeHousehold(key: key, referenceYear: referenceYear, random: &random)
                    out.append(contentsOf: HouseholdRecords.records(of: household, referenceYear: referenceYear, random: &random))
                }
                return out
            }
            nextChunk += chunks
            for part in parts { records.append(contentsOf: part) }
        }
        // Shuffled, then numbered, so neither order nor id gives the truth away.
        var shuffled = Array(records.prefix(count))
        var shuffler = SeededGenerator(seed: seed, stream: 0x5EED)
        shuffled.shuffle(using: &shuffler)
        for index in shuffled.indices { shuffled[index].recordID = "R\(index + 1)" }
        return shuffled
    }

    static func makeHousehold(key: Int, referenceYear: Int, random: inout SeededGenerator) -> Household {
        let wardIndex = random.int(0...(PlaceTables.wards.count - 1))
        let ward = PlaceTables.wards[wardIndex]
        var family = HouseholdNames.allFamily[random.index(cumulative: HouseholdNames.familyWeights)]
        if random.chance(0.06) { family += "-" + HouseholdNames.allFamily[random.index(cumulative: HouseholdNames.familyWeights)] }
        let current = place(ward: ward, random: &random)
        let previous = random.chance(0.18) ? place(ward: random.pick(PlaceTables.wards), random: &random) : nil
        let familySchool = HouseholdSchools.secondary[wardIndex * 3 + random.int(0...2)]

        let size = random.weighted([(1, 35), (2, 35), (3, 18), (4, 8), (5, 4)])
        let hasTwins = size >= 2 && random.chance(0.06)
        var children: [Household.Child] = []
        var born = randomDate(year: random.int((referenceYear - 19)...(referenceYear - 11)), random: &random)
        var used: Set<String> = []
        for index in 0..<size {
            let twin = hasTwins && index == 1
            if index > 0, !twin { born = laterDate(born, days: random.int(300...1_600), random: &random) }
            let gender = twin && random.chance(0.6) ? children[0].gender : (random.chance(0.5) ? "F" : "M")
            var given = givenName(gender: gender, random: &random)
            // Twins' names often share an initial; siblings never share a name.
            if twin, random.chance(0.35), let first = children[0].givenName.first {
                let pool = gender == "F" ? HouseholdNames.female : HouseholdNames.male
                if let alike = pool.filter({ $0.first == first && $0 != children[0].givenName }).randomElement(using: &random) { given = alike }
            }
            while used.contains(given) { given = givenName(gender: gender, random: &random) }
            used.insert(given)
            let middle = random.chance(0.6) ? givenName(gender: gender, random: &random) : nil
            // Half-siblings and step-children carry another name.
            let own = random.chance(0.08) ? HouseholdNames.allFamily[random.index(cumulative: HouseholdNames.familyWeights)] : family
            let age = referenceYear - born.year
            let school = random.chance(0.75) ? familySchool : HouseholdSchools.secondary[random.int(0...(HouseholdSchools.secondary.count - 1))]
            let schoolName = age >= 17 && random.chance(0.6) ? random.pick(HouseholdSchools.colleges) : school.name
            let allocated = born.year + 5
            let serial = twin ? (Int(children[0].upn?.suffix(3) ?? "0") ?? 0) + 1 : random.int(1...999)
            children.append(
                Household.Child(
                    key: key * 8 + index, givenName: given, middleNames: middle, familyName: own,
                    laterFamilyName: random.chance(0.04) ? changedName(own, random: &random) : nil, gender: gender, dateOfBirth: born,
                    upn: random.chance(0.97) ? SyntheticIdentifiers.upn(la: 935, school: school.number, year: allocated, serial: serial) : nil,
                    uln: age >= 14 && random.chance(0.9) ? SyntheticIdentifiers.uln(&random) : nil, school: schoolName,
                    ownPhone: mobile(&random), recordCount: random.weighted([(1, 66), (2, 22), (3, 9), (4, 3)])))
        }
        return Household(key: key, current: current, previous: previous, children: children)
    }

    static func givenName(gender: String, random: inout SeededGenerator) -> String {
        gender == "F"
            ? HouseholdNames.female[random.index(cumulative: HouseholdNames.femaleWeights)]
            : HouseholdNames.male[random.index(cumulative: HouseholdNames.maleWeights)]
    }

    static func changedName(_ name: String, random: inout SeededGenerator) -> String {
        let other = HouseholdNames.allFamily[random.index(cumulative: HouseholdNames.familyWeights)]
        if let hyphen = name.firstIndex(of: "-") {
            return random.chance(0.5) ? String(name[..<hyphen]) : String(name[name.index(after: hyphen)...])
        }
        return random.weighted([(other, 60), ("\(name)-\(other)", 25), ("\(other)-\(name)", 15)])
    }

    static func place(ward: PlaceTables.Ward, random: inout SeededGenerator) -> Household.Place {
        let street = random.pick(PlaceTables.streets)
        let number = random.int(1...180)
        let address = random.chance(0.12) ? "Flat \(random.int(1...24)), \(number) \(street), \(ward.town)" : "\(number) \(street), \(ward.town)"
        let postcode = PlaceTables.postcode(in: ward, random: &random)
        let phone = random.chance(0.4) ? "01632 \(random.int(100_000...999_999))" : mobile(&random)
        return Household.Place(address: address, postcode: postcode, phone: phone)
    }

    static func mobile(_ random: inout SeededGenerator) -> String {
        "07\(random.int(100...999)) \(random.int(100_000...999_999))"
    }

    static func randomDate(year: Int, random: inout SeededGenerator) -> (year: Int, month: Int, day: Int) {
        let month = random.int(1...12)
        return (year, month, random.int(1...daysIn(month, year)))
    }

    static func laterDate(_ date: (year: Int, month: Int, day: Int), days: Int, random: inout SeededGenerator) -> (year: Int, month: Int, day: Int) {
        var (year, month, day) = date
        day += days
        while day > daysIn(month, year) {
            day -= daysIn(month, year)
            month += 1
            if month > 12 { (month, year) = (1, year + 1) }
        }
        return (year, month, day)
    }

    static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// Runs independent jobs on all cores, results in job order.
enum ConcurrentJobs {
    static func map<T: Sendable>(count: Int, _ job: @escaping @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { slots.set($0, job($0)) }
        return slots.values
    }

    private final class Slots<T: Sendable>: @unchecked Sendable {
        private var slots: [T?]
        private let lock = NSLock()
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: T) { lock.withLock { slots[index] = value } }
        var values: [T] { slots.map { $0! } }
    }
}
