/// Compares two prepared records field by field into a ``ComparisonVector``.
/// Everything here is integer compares except names that differ, which is
/// why names are numbered per distinct value first.
struct PairComparator: Sendable {
    let records: PreparedRecords

    @inline(__always) func compare(_ i: Int, _ j: Int) -> ComparisonVector {
        let r = records
        var vector = ComparisonVector()
        var given = NameComparator.level(r.given[i], r.given[j], in: r.givenNames, givenName: true)
        var family = NameComparator.level(r.family[i], r.family[j], in: r.familyNames, givenName: false)
        // Given and family names put in each other's boxes: the same names, a
        // little less sure than in their own places.
        if given == .different, family == .different,
            NameComparator.sameLetters(r.given[i], r.givenNames, r.family[j], r.familyNames),
            NameComparator.sameLetters(r.family[i], r.familyNames, r.given[j], r.givenNames)
        {
            (given, family) = (.close, .close)
        }
        // Going by a middle name: "Kayode Abdullahi Omar" on one record,
        // "Abdullahi Omar" on the other. As sure as a nickname.
        if given == .different,
            NameComparator.sameLetters(r.given[i], r.givenNames, r.middle[j], r.middleNames)
                || NameComparator.sameLetters(r.middle[i], r.middleNames, r.given[j], r.givenNames)
        {
            given = .nickname
        }
        vector.set(.givenName, given.rawValue)
        vector.set(.middleNames, NameComparator.level(r.middle[i], r.middle[j], in: r.middleNames, givenName: false).rawValue)
        vector.set(.familyName, family.rawValue)
        vector.set(.dateOfBirth, DateComparator.level(r.dob[i], r.dob[j], dayA: r.dobDay[i], dayB: r.dobDay[j]).rawValue)
        vector.set(.gender, Self.agreement(r.gender[i], r.gender[j]))
        vector.set(.postcode, postcodeLevel(r.postcode[i], r.postcode[j]).rawValue)
        vector.set(.address, Self.agreement(r.address[i], r.address[j]))
        vector.set(.phone, Self.agreement(r.phone[i], r.phone[j]))
        vector.set(.upn, r.upns.level(r.upn[i], r.upn[j]).rawValue)
        vector.set(.uln, r.ulns.level(r.uln[i], r.uln[j]).rawValue)
        vector.set(.school, Self.agreement(r.school[i], r.school[j]))
        return vector
    }

    @inline(__always) static func agreement(_ a: Int32, _ b: Int32) -> UInt8 {
        if a < 0 || b < 0 { return AgreementLevel.missing.rawValue }
        return a == b ? AgreementLevel.equal.rawValue : AgreementLevel.different.rawValue
    }

    @inline(__always) func postcodeLevel(_ a: Int32, _ b: Int32) -> PostcodeLevel {
        if a < 0 || b < 0 { return .missing }
        if a == b { return .full }
        let table = records.postcodes
        if table.sector[Int(a)] == table.sector[Int(b)] { return .sector }
        if table.district[Int(a)] == table.district[Int(b)] { return .district }
        return .different
    }
}
