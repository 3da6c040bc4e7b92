public import WaymarkCore

/// A record of the same person as another, as a different source might hold it.
public struct VariantRecord: Sendable, Equatable {
    public let truthKey: Int
    public let identity: YoungPersonIdentity
    public let postcode: String?
    public let variations: [Variation]
}

/// The ways one person's records differ across sources.
public enum Variation: String, Sendable, CaseIterable {
    case typo, nickname, swappedDayMonth, changedSurname, missingUPN, movedAddress, transliteration, hyphenatedSurnameSplit, digitInDOB
}

/// Makes realistic variant records, with the truth kept for measuring matching.
public enum VariantGenerator {
    public static func variant(of person: SyntheticPerson, seed: UInt64, in la: SyntheticLA) -> VariantRecord {
        var random = SeededGenerator(seed: seed, stream: UInt64(person.key) &+ 0xABCD)
        var identity = person.identity
        var postcode = person.addresses.last?.postcode
        var applied: [Variation] = []
        let count = random.weighted([(1, 60), (2, 30), (3, 10)])
        var candidates = Variation.allCases
        while applied.count < count, !candidates.isEmpty {
            let variation = candidates.remove(at: random.int(0...(candidates.count - 1)))
            if apply(variation, to: &identity, postcode: &postcode, random: &random) { applied.append(variation) }
        }
        if applied.isEmpty {
            identity.givenName = Typo.introduce(into: identity.givenName, random: &random)
            applied.append(.typo)
        }
        return VariantRecord(truthKey: person.key, identity: identity, postcode: postcode, variations: applied)
    }

    /// Applies one variation if it makes sense for this person.
    static func apply(_ variation: Variation, to identity: inout YoungPersonIdentity, postcode: inout String?, random: inout SeededGenerator) -> Bool {
        switch variation {
        case .typo:
            identity.familyName = Typo.introduce(into: identity.familyName, random: &random)
        case .nickname:
            guard let nicknames = NameTables.nicknames[identity.givenName] else { return false }
            identity.givenName = random.pick(nicknames)
        case .transliteration:
            guard let group = NameTables.transliterations.first(where: { $0.contains(identity.givenName) || $0.contains(identity.familyName) }) else { return false }
            if group.contains(identity.givenName) {
                identity.givenName = random.pick(group.filter { $0 != identity.givenName })
            } else {
                identity.familyName = random.pick(group.filter { $0 != identity.familyName })
            }
        case .swappedDayMonth:
            let date = identity.dateOfBirth
            guard date.day <= 12, date.day != date.month, let swapped = try? CalendarDate(year: date.year, month: date.day, day: date.month) else { return false }
            identity.dateOfBirth = swapped
        case .digitInDOB:
            let date = identity.dateOfBirth
            let newDay = date.day >= 20 ? date.day - 10 : date.day + 10
            guard let changed = try? CalendarDate(year: date.year, month: date.month, day: newDay) else { return false }
            identity.dateOfBirth = changed
        case .changedSurname:
            identity.familyName = random.pick(["Smith", "Taylor", "Khan", "Nowak", "Okafor", "Brown", "Walker"].filter { $0 != identity.familyName })
        case .hyphenatedSurnameSplit:
            guard let hyphen = identity.familyName.firstIndex(of: "-") else { return false }
            identity.familyName = random.chance(0.5)
                ? String(identity.familyName[..<hyphen]) : String(identity.familyName[identity.familyName.index(after: hyphen)...])
        case .missingUPN:
            guard identity.upn != nil else { return false }
            identity.upn = nil
        case .movedAddress:
            let ward = random.pick(PlaceTables.wards)
            postcode = PlaceTables.postcode(in: ward, random: &random)
        }
        return true
    }
}

/// One keyboard slip: a substitution, a transposition or a dropped letter.
enum Typo {
    static func introduce(into text: String, random: inout SeededGenerator) -> String {
        var characters = Array(text)
        guard characters.count >= 3 else { return text + "e" }
        let index = random.int(1...(characters.count - 2))
        switch random.int(0...2) {
        case 0: characters.swapAt(index, index + 1)
        case 1: characters.remove(at: index)
        default: characters[index] = random.pick(Array("aeiourstnl").filter { $0 != characters[index] })
        }
        let result = String(characters)
        return result == text ? text + "e" : result
    }
}
