/// The keys a pair can share to be compared at all. Each rule is selective
/// enough that its blocks stay small in a million records, and together they
/// catch a duplicate whichever single field went wrong: identifiers missing,
/// a name changed, a date mistyped or swapped, an address moved.
public enum BlockingRule: Int, Sendable, CaseIterable {
    case uln
    case upn
    /// Catches a changed or nicknamed given name.
    case dateOfBirthAndFamilySound
    /// Catches a changed family name.
    case dateOfBirthAndGivenSound
    /// Catches a mistyped day of birth (Bill and William share a nickname family here).
    case namesAndBirthMonth
    /// Day and month put in order, so 03/07 meets 07/03. (With only the
    /// family initial, a million records gave 25 million pairs.)
    case swappedDateAndFamilySound
    /// Catches a wrong date with a changed name, at the same address.
    case postcodeAndGivenSound
    case postcodeAndFamilySound
    /// Catches both names mistyped out of their sound, at the same address.
    case postcodeAndDateOfBirth
    /// Catches a record with no date of birth whose postcode is old or
    /// missing: the family's phone stays when the address changes.
    case phoneAndFamilySound

    /// The record's key under this rule, 0 if it has none (a field missing).
    @inline(__always) func key(_ r: PreparedRecords, _ i: Int) -> UInt64 {
        switch self {
        case .uln: return Self.mix(rawValue, r.uln[i])
        case .upn: return Self.mix(rawValue, r.upn[i])
        case .dateOfBirthAndFamilySound: return Self.mix(rawValue, r.dob[i] == 0 ? -1 : r.dob[i], familySound(r, i))
        // The given name's own sound: nickname families are too wide to pair with a date alone.
        case .dateOfBirthAndGivenSound:
            return Self.mix(rawValue, r.dob[i] == 0 ? -1 : r.dob[i], r.given[i] < 0 ? -1 : r.givenNames.phonetic[Int(r.given[i])])
        case .namesAndBirthMonth: return Self.mix(rawValue, r.dob[i] == 0 ? -1 : r.dob[i] / 100, familySound(r, i), givenSound(r, i))
        case .swappedDateAndFamilySound:
            let date = r.dob[i]
            guard date != 0 else { return 0 }
            let (month, day) = (date / 100 % 100, date % 100)
            return Self.mix(rawValue, date / 10_000, min(month, day) * 100 + max(month, day), familySound(r, i))
        case .postcodeAndGivenSound: return Self.mix(rawValue, r.postcode[i], givenSound(r, i))
        case .postcodeAndFamilySound: return Self.mix(rawValue, r.postcode[i], familySound(r, i))
        case .postcodeAndDateOfBirth: return Self.mix(rawValue, r.postcode[i], r.dob[i] == 0 ? -1 : r.dob[i])
        case .phoneAndFamilySound: return Self.mix(rawValue, r.phone[i], familySound(r, i))
        }
    }

    public var name: String { "\(self)" }

    @inline(__always) private func familySound(_ r: PreparedRecords, _ i: Int) -> Int32 {
        r.family[i] < 0 ? -1 : r.familyNames.phonetic[Int(r.family[i])]
    }

    @inline(__always) private func givenSound(_ r: PreparedRecords, _ i: Int) -> Int32 {
        r.given[i] < 0 ? -1 : r.givenNames.nicknameGroup[Int(r.given[i])]
    }

    /// Any negative part (missing) means no key. Fixed arities, not a
    /// variadic list: this runs eight times per record and must not allocate.
    @inline(__always) static func mix(_ rule: Int, _ a: Int32, _ b: Int32 = 0, _ c: Int32 = 0, _ d: Int32 = 0) -> UInt64 {
        if a < 0 || b < 0 || c < 0 || d < 0 { return 0 }
        var hash = UInt64(rule + 1) &* 0x9E37_79B9_7F4A_7C15
        hash = step(hash, a)
        hash = step(hash, b)
        hash = step(hash, c)
        hash = step(hash, d)
        return hash | 1
    }

    @inline(__always) private static func step(_ hash: UInt64, _ part: Int32) -> UInt64 {
        var hash = (hash ^ UInt64(UInt32(bitPattern: part))) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 31
        return hash
    }
}
