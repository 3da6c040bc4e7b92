/// Compares two prepared records field by field into a ``ComparisonVector``.
/// Everything here is integer compares except names that differ, which is
/// why names are numbered per distinct value first.
struct PairComparator: Sendable {
    let records: PreparedRecords

    @inline(__always) func compare(_ i: Int, _ j: Int) -> ComparisonVector {
        let r = records
        var vector = ComparisonVector()
        vector.set(.givenName, NameComparator.level(r.given[i], r.given[j], in: r.givenNames, givenName: true).rawValue)
        vector.set(.middleNames, NameComparator.level(r.middle[i], r.middle[j], in: r.middleNames, givenName: false).rawValue)
        vector.set(.familyName, NameComparator.level(r.family[i], r.family[j], in: r.familyNames, givenName: false).rawValue)
        vector.set(.dateOfBirth, DateComparator.level(r.dob[i], r.dob[j], dayA: r.dobDay[i], dayB: r.dobDay[j]).rawValue)
        vector.set(.gender, Self.agreement(r.gender[i], r.gender[j]))
        vector.set(.postcode, postcodeLevel(r.postcode[i], r.postcode[j]).rawValue)
        vector.set(.address, Self.agreement(r.address[i], r.address[j]))
        vector.set(.upn, Self.agreement(r.upn[i], r.upn[j]))
        vector.set(.uln, Self.agreement(r.uln[i], r.uln[j]))
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
