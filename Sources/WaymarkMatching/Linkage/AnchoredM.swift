/// m for each field counted among candidate pairs that other fields already
/// show to be one person, where there are enough of them.
///
/// EM's match class is the densest group of candidates, not all of one
/// person's records: at scale it settled on the records that agree on
/// everything and put a family that moved among the non-matches, so a
/// different postcode came out at m = 0.004 beside a different address at
/// 0.14, and every mover fell below review. An anchor fixes the class from
/// outside the field being measured:
/// - every field but the identifiers: the same UPN or ULN, with the other
///   person fields (names, date of birth) at least near;
/// - the identifiers: the same given name, family name and date of birth
///   at one address (namesakes born the same day rarely share a home, and
///   twins differ in given name).
/// Names and date of birth alone are no anchor for the household: where
/// names are few, namesakes born the same day at other addresses outnumber
/// the people who moved, and a different address would stop counting.
/// Fields an anchor cannot reach, or too few anchored pairs, keep EM's m.
enum AnchoredM {
    /// Fewer anchored pairs with the field present than this leave EM's m.
    static let minimumPairs = 200.0

    static func refine(_ m: [[Double]], patterns: [ComparisonVector: Int]) -> [[Double]] {
        var refined = m
        for field in LinkageField.allCases {
            let anchor = anchorFor(field)
            var counts = [Double](repeating: 0, count: field.levelCount)
            for (vector, count) in patterns where anchor(vector) {
                let level = Int(vector.level(field))
                if level != 0 { counts[level] += Double(count) }
            }
            let present = counts.reduce(0, +)
            guard present >= minimumPairs else { continue }
            // Half a pair on every level keeps one that no anchored pair reached possible.
            let smoothed = counts.enumerated().map { $0.offset == 0 ? 0 : $0.element + 0.5 }
            let total = smoothed.reduce(0, +)
            refined[field.rawValue] = smoothed.map { $0 / total }
        }
        return refined
    }

    static func anchorFor(_ field: LinkageField) -> (ComparisonVector) -> Bool {
        switch field {
        case .givenName: { sameIdentifier($0) && near($0, .familyName) && nearBirth($0) }
        case .familyName: { sameIdentifier($0) && near($0, .givenName) && nearBirth($0) }
        case .dateOfBirth: { sameIdentifier($0) && near($0, .givenName) && near($0, .familyName) }
        case .upn, .uln: { sameNameAndBirth($0) && PairGuard.sharesHousehold($0) }
        default: { sameIdentifier($0) && near($0, .givenName) && near($0, .familyName) && nearBirth($0) }
        }
    }

    /// A shared identifier alone can be a brother's UPN typed against his
    /// sister: the other person fields must not say two people.
    static func sameIdentifier(_ vector: ComparisonVector) -> Bool {
        vector.level(.upn) == IdentifierLevel.equal.rawValue || vector.level(.uln) == IdentifierLevel.equal.rawValue
    }

    static func near(_ vector: ComparisonVector, _ field: LinkageField) -> Bool {
        let level = vector.level(field)
        return level != 0 && level != NameLevel.different.rawValue
    }

    static func nearBirth(_ vector: ComparisonVector) -> Bool {
        let level = vector.level(.dateOfBirth)
        return level == DateLevel.exact.rawValue || level == DateLevel.swappedDayMonth.rawValue || level == DateLevel.oneDigit.rawValue
    }

    static func sameNameAndBirth(_ vector: ComparisonVector) -> Bool {
        vector.level(.givenName) == NameLevel.exact.rawValue && vector.level(.familyName) == NameLevel.exact.rawValue
            && vector.level(.dateOfBirth) == DateLevel.exact.rawValue
    }
}
