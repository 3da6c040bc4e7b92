import Foundation

/// Turns a household's children into the records the sources hold of them,
/// each source with its habits (see ``SourceHabits``).
enum HouseholdRecords {
    static func records(of household: Household, referenceYear: Int, random: inout SeededGenerator) -> [HouseholdRecord] {
        var out: [HouseholdRecord] = []
        for (index, child) in household.children.enumerated() {
            let siblings = household.children.indices.filter { $0 != index }.map { household.children[$0] }
            for copy in 0..<child.recordCount {
                let source = pickSource(age: referenceYear - child.dateOfBirth.year, random: &random)
                out.append(
                    record(
                        of: child, copy: copy, household: household, siblings: siblings, source: source, habits: SourceHabits.of(source),
                        random: &random))
            }
        }
        return out
    }

    static func pickSource(age: Int, random: inout SeededGenerator) -> RecordSource {
        random.weighted([(.schoolCensus, 35), (.admissions, 15), (.youthService, 30), (.college, age >= 16 ? 20 : 0)])
    }

    static func record(
        of child: Household.Child, copy: Int, household: Household, siblings: [Household.Child], source: RecordSource, habits h: SourceHabits,
        random: inout SeededGenerator
    ) -> HouseholdRecord {
        var given = child.givenName
        if random.chance(h.nickname), let short = HouseholdNames.diminutives[given] { given = random.pick(short) }
        if random.chance(h.givenTypo) { given = Typo.introduce(into: given, random: &random) }
        var family = child.laterFamilyName.map { random.chance(0.5) ? $0 : child.familyName } ?? child.familyName
        if random.chance(h.familyTypo) { family = Typo.introduce(into: family, random: &random) }
        if let group = NameTables.transliterations.first(where: { $0.contains(given) }), random.chance(0.15) { given = random.pick(group) }
        if random.chance(h.upperCase) { family = family.uppercased() }
        var names = (given: Optional(given), family: Optional(family))
        if random.chance(h.namesSwapped) { names = (family, given) }

        var date: (year: Int, month: Int, day: Int)? = child.dateOfBirth
        if let d = date, d.day <= 12, d.day != d.month, random.chance(h.dayMonthSwapped) { date = (d.year, d.day, d.month) }
        if let d = date, random.chance(h.dateDigit) {
            let day = d.day >= 20 ? d.day - 10 : d.day + 10
            date = day <= HouseholdGenerator.daysIn(d.month, d.year) ? (d.year, d.month, day) : (d.year + (random.chance(0.5) ? 1 : -1), d.month, d.day)
        }
        if random.chance(h.dateMissing) { date = nil }

        let place = household.previous != nil && random.chance(h.stale) ? household.previous! : household.current
        var postcode: String? = random.chance(h.postcodeMissing) ? nil : place.postcode
        if let code = postcode, random.chance(h.postcodeTypo) { postcode = mistypePostcode(code, &random) }
        var address = place.address
        if random.chance(h.abbreviatesAddress) { address = abbreviated(address) }
        let phone = random.chance(h.phoneKept) ? (random.chance(h.ownPhone) ? child.ownPhone : place.phone) : nil

        var upn = random.chance(h.upnKept) ? child.upn : nil
        if upn != nil, random.chance(h.identifierMistyped) { upn = SyntheticIdentifiers.mistype(upn!, &random) }
        if random.chance(h.siblingIdentifier), let other = siblings.compactMap(\.upn).first { upn = other }
        var uln = random.chance(h.ulnKept) ? child.uln : nil
        if uln != nil, random.chance(h.identifierMistyped) { uln = SyntheticIdentifiers.mistype(uln!, &random) }
        var school: String? = nil
        if random.chance(h.schoolKept) {
            school = source == .youthService && random.chance(0.5) ? HouseholdSchools.shortened(child.school) : child.school
        }
        return HouseholdRecord(
            recordID: "", source: source, givenName: names.given, middleNames: random.chance(h.middleKept) ? child.middleNames : nil,
            familyName: names.family, dateOfBirth: date, gender: random.chance(h.genderMissing) ? nil : child.gender, postcode: postcode,
            address: address, phone: phone, upn: upn, uln: uln, school: school, personKey: child.key, householdKey: household.key)
    }

    static func abbreviated(_ address: String) -> String {
        var text = address
        for (long, short) in [("Road", "Rd"), ("Street", "St"), ("Avenue", "Ave"), ("Close", "Cl"), ("Lane", "Ln"), ("Crescent", "Cres")] {
            text = text.replacingOccurrences(of: long, with: short)
        }
        return text.replacingOccurrences(of: ",", with: "")
    }

    /// One character of the inward code wrong.
    static func mistypePostcode(_ code: String, _ random: inout SeededGenerator) -> String {
        var characters = Array(code)
        let at = characters.count - random.int(1...2)
        characters[at] = random.pick(PlaceTables.inwardLetters.filter { $0 != characters[at] })
        return String(characters)
    }
}
