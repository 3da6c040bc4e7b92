// Each comparator turns a pair of field values into one of a few levels.
// Level 0 is always "missing" (one side or both empty): it is neutral evidence
// (weight 0), which lets the model treat every field alike.

/// How two names compare, best first.
public enum NameLevel: UInt8, Sendable, CaseIterable {
    case missing = 0
    case exact
    /// Jaro–Winkler at least 0.92.
    case close
    /// One may be a nickname or other spelling of the other (Bill, William).
    case nickname
    /// Same sound code.
    case phonetic
    /// One edit apart, a swap of neighbouring letters counting as one.
    case oneEdit
    /// A part of one double-barrelled or hyphenated name is a part of the other.
    case partial
    case different
}

/// How two dates of birth compare.
public enum DateLevel: UInt8, Sendable, CaseIterable {
    case missing = 0
    case exact
    /// 03/07 for 07/03: the commonest error when a form goes between systems.
    case swappedDayMonth
    /// One digit of YYYYMMDD wrong, or two neighbouring digits swapped.
    case oneDigit
    case withinYear
    case different
}

/// How two postcodes compare: unit "NM1 4AB", sector "NM1 4", district "NM1".
public enum PostcodeLevel: UInt8, Sendable, CaseIterable {
    case missing = 0
    case full
    case sector
    case district
    case different
}

/// How two identifiers (UPN, ULN) compare.
public enum IdentifierLevel: UInt8, Sendable, CaseIterable {
    case missing = 0
    case equal
    /// One digit wrong or two neighbours swapped, and (for a UPN) one of the
    /// two fails its check letter: a slip in typing, not another child.
    case oneSlip
    case different
}

/// Categories either agree or they do not.
public enum AgreementLevel: UInt8, Sendable, CaseIterable {
    case missing = 0
    case equal
    case different
}
