/// Patterns that scores alone must not turn into a merge, because a false
/// merge puts one child's notes on another's record. A guarded pair is never
/// a match: at most it goes to a person, with the reason.
public enum PairGuard: UInt8, Sendable, CaseIterable {
    /// Different UPNs or ULNs, neither a slip in typing of the other.
    case conflictingIdentifiers = 1
    /// Born the same day at the same address under different given names:
    /// twins, not a typo.
    case likelyTwin
    /// Different given names and dates of birth more than a slip apart (or
    /// no date, at the same address): brothers and sisters (or strangers)
    /// however much else they share.
    case likelySibling
    /// No identifier agrees and neither name nor the date of birth is exact:
    /// every field is only near ("Philip Nowack 02/05/2009", "Filip Nowak
    /// 05/02/2009"). Perhaps the same person; a person should say.
    case allApproximate
    /// The same given name and date of birth, but another family name, no
    /// shared address, phone or school and no identifier: in a large area
    /// as likely a namesake as a changed name.
    case possibleNamesake
    /// No identifier, and no given name (or no date of birth and a given
    /// name that does not agree): too little to tell a person from a twin or
    /// a sibling.
    case tooLittle

    /// Whether the pattern says two people, not one: such records never share a cluster.
    public var provesDifferent: Bool { self != .allApproximate && self != .possibleNamesake && self != .tooLittle }

    /// The guard a pair meets, if any; identifiers first, as they are the surest.
    @inline(__always) public static func check(_ vector: ComparisonVector) -> PairGuard? {
        if vector.level(.upn) == IdentifierLevel.different.rawValue || vector.level(.uln) == IdentifierLevel.different.rawValue {
            return .conflictingIdentifiers
        }
        let date = vector.level(.dateOfBirth)
        if vector.level(.givenName) == NameLevel.different.rawValue {
            if date == DateLevel.exact.rawValue, sharesHousehold(vector) { return .likelyTwin }
            if date == DateLevel.different.rawValue || date == DateLevel.withinYear.rawValue { return .likelySibling }
            // Born on the same day of the year some years apart reads as one
            // wrong digit; with another given name at the same address it is
            // a brother or sister, not two slips at once.
            if date == DateLevel.oneDigit.rawValue, sharesHousehold(vector) { return .likelySibling }
            // No date to tell them apart, and another name at the same address.
            if date == DateLevel.missing.rawValue, sharesHousehold(vector) { return .likelySibling }
        }
        let exact = NameLevel.exact.rawValue
        let noIdentifier = vector.level(.upn) != IdentifierLevel.equal.rawValue && vector.level(.uln) != IdentifierLevel.equal.rawValue
        if noIdentifier, tooLittleToTellApart(vector) { return .tooLittle }
        if noIdentifier, vector.level(.givenName) != exact, vector.level(.familyName) != exact, date != DateLevel.exact.rawValue {
            return .allApproximate
        }
        if noIdentifier, vector.level(.familyName) == NameLevel.different.rawValue, !sharesAnything(vector) { return .possibleNamesake }
        return nil
    }

    /// No given name: a twin or a sibling with the family name and address
    /// looks the same. No date of birth and no given name that agrees: the
    /// same.
    @inline(__always) static func tooLittleToTellApart(_ vector: ComparisonVector) -> Bool {
        let given = vector.level(.givenName)
        if given == NameLevel.missing.rawValue { return true }
        let givenAgrees = given == NameLevel.exact.rawValue || given == NameLevel.close.rawValue || given == NameLevel.nickname.rawValue
        return vector.level(.dateOfBirth) == DateLevel.missing.rawValue && !givenAgrees
    }

    @inline(__always) static func sharesHousehold(_ vector: ComparisonVector) -> Bool {
        vector.level(.postcode) == PostcodeLevel.full.rawValue || vector.level(.address) == AgreementLevel.equal.rawValue
            || vector.level(.phone) == AgreementLevel.equal.rawValue
    }

    @inline(__always) static func sharesAnything(_ vector: ComparisonVector) -> Bool {
        sharesHousehold(vector) || vector.level(.school) == AgreementLevel.equal.rawValue
    }

    /// For the person deciding: what the pair looks like, and why it was not merged.
    public func reason(_ vector: ComparisonVector) -> String {
        let household = Self.sharesHousehold(vector) ? "same address, " : ""
        switch self {
        case .conflictingIdentifiers:
            let which = vector.level(.upn) == IdentifierLevel.different.rawValue ? "UPN" : "ULN"
            return "\(household)different \(which): likely different people"
        case .likelyTwin: return "\(household)same date of birth, different given name: likely a twin"
        case .likelySibling:
            if vector.level(.dateOfBirth) == DateLevel.missing.rawValue { return "\(household)different given name, no date of birth: likely a sibling" }
            return "\(household)different given name and date of birth: likely a sibling"
        case .possibleNamesake: return "another family name and nothing else shared: perhaps a namesake"
        case .allApproximate: return "\(household)names and date of birth all only near: perhaps the same person"
        case .tooLittle:
            if vector.level(.givenName) == NameLevel.missing.rawValue { return "\(household)no given name to tell apart from a brother, sister or twin" }
            return "\(household)no date of birth and another given name: perhaps a sibling"
        }
    }

    /// The highest probability a guarded pair may show: just inside review,
    /// so it is looked at and never merged.
    static func cap(_ probability: Double, thresholds: MatchThresholds) -> Double {
        min(probability, thresholds.review, thresholds.match.nextDown)
    }
}
