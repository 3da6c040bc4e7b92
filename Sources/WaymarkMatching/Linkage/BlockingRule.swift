/// The keys a pair can share to be compared at all. Each rule is selective
/// enough that its blocks stay small in a million records, and together they
/// catch a duplicate whichever single field went wrong: identifiers missing,
/// a name changed, a date mistyped or swapped, an address moved.
public enum BlockingRule: Int, Sendable, CaseIterable {
    case uln
    case upn
    /// Catches a changed or nicknamed given name.
    case dateOfBirthAndFamilySound
    /// Catches a changed family name (Bill and William share a sound family).
    case dateOfBirthAndGivenSound
    /// Catches a mistyped day of birth.
    case namesAndBirthMonth
    /// Day and month put in order, so 03/07 meets 07/03.
    case swappedDateAndFamilyInitial
    /// Catches a wrong date with a changed name, at the same address.
    case postcodeAndGivenSound
    case postcodeAndFamilySound

    /// The record's key under this rule, 0 if it has none (a field missing).
    @inline(__always) func key(_ r: PreparedRecords, _ i: Int) -> UInt64 {
        switch self {
        case .uln: return Self.mix(rawValue, r.uln[i])
        case .upn: return Self.mix(rawValue, r.upn[i])
        case .dateOfBirthAndFamilySound: return Self.mix(rawValue, r.dob[i] == 0 ? -1 : r.dob[i], familySound(r, i))
        case .dateOfBirthAndGivenSound: return Self.mix(rawValue, r.dob[i] == 0 ? -1 : r.dob[i], givenSound(r, i))
        case .namesAndBirthMonth: return Self.mix(rawValue, r.dob[i] == 0 ? -1 : r.dob[i] / 100, familySound(r, i), givenSound(r, i))
        case .swappedDateAndFamilyInitial:
            let date = r.dob[i]
            guard date != 0, r.family[i] >= 0 else { return 0 }
            let (month, day) = (date / 100 % 100, date % 100)
            return Self.mix(rawValue, date / 10_000, min(month, day) * 100 + max(month, day), Int32(r.familyNames.initial[Int(r.family[i])]))
        case .postcodeAndGivenSound: return Self.mix(rawValue, r.postcode[i], givenSound(r, i))
        case .postcodeAndFamilySound: return Self.mix(rawValue, r.postcode[i], familySound(r, i))
        }
    }

    public var name: String { "\(self)" }

    @inline(__always) private func familySound(_ r: PreparedRecords, _ i: Int) -> Int32 {
        r.family[i] < 0 ? -1 : r.familyNames.phonetic[Int(r.family[i])]
    }

    @inline(__always) private func givenSound(_ r: PreparedRecords, _ i: Int) -> Int32 {
        r.given[i] < 0 ? -1 : r.givenNames.nicknameGroup[Int(r.given[i])]
    }

    /// Any negative part (missing) means no key.
    @inline(__always) static func mix(_ rule: Int, _ parts: Int32...) -> UInt64 {
        var hash = UInt64(rule + 1) &* 0x9E37_79B9_7F4A_7C15
        for part in parts {
            if part < 0 { return 0 }
            hash = (hash ^ UInt64(UInt32(bitPattern: part))) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
        }
        return hash | 1
    }
}
