import Foundation

/// The checks that compare records across a whole return (errors 902, 907 and
/// 908), fed one record at a time while the file is written.
///
/// A return can hold 250,000 records, so the accumulator keeps only one key
/// per record for each check (the YoungPersonsID, the ULN, and a normalised
/// name-and-birth-date key), never whole records. Keys stay in memory only;
/// findings name the other record by its YoungPersonsID, never by the key.
public struct ReturnFileChecks: Sendable {
    private var seenYoungPersonsIDs: Set<String> = []
    /// ULN → the YoungPersonsID of the first record that carried it.
    private var firstHolderOfULN: [String: String] = [:]
    /// Normalised given name, family name and date of birth → the first YoungPersonsID.
    private var firstHolderOfNameAndBirth: [String: String] = [:]

    public init() {}

    /// Checks a record against those already added, reporting it (never the
    /// earlier record) when it repeats one of them, then remembers it.
    public mutating func add(_ record: ReturnRecord) -> [ReturnFinding] {
        var found = FindingCollector(record: record)
        let id = record.youngPersonsID.trimmingWhitespace()
        if !seenYoungPersonsIDs.insert(id).inserted {
            found.report(902)
        }
        // A record already marked as a duplicate (M) is the expected second copy
        // of someone, so it is neither flagged nor used to flag others.
        guard record.cohortStatus.nonBlank != CohortStatus.duplicate.rawValue else { return found.findings }
        if let uln = record.uln.nonBlank {
            if let first = firstHolderOfULN[uln] {
                // The same ULN on a repeated YoungPersonsID is one error (902), not two.
                if first != id { found.report(907, "Same ULN as YoungPersonsID \(first)") }
            } else {
                firstHolderOfULN[uln] = id
            }
        }
        if let key = Self.nameAndBirthKey(record) {
            if let first = firstHolderOfNameAndBirth[key] {
                if first != id { found.report(908, "Same names and date of birth as YoungPersonsID \(first)") }
            } else {
                firstHolderOfNameAndBirth[key] = id
            }
        }
        return found.findings
    }

    /// Given name, family name and date of birth, with case, accents, spaces,
    /// hyphens and apostrophes ignored, so "Zoë O'Brien" and "ZOE OBRIEN" match.
    static func nameAndBirthKey(_ record: ReturnRecord) -> String? {
        guard let given = record.givenName.nonBlank, let family = record.familyName.nonBlank,
            let dateOfBirth = record.dateOfBirth
        else { return nil }
        return "\(normalised(given))|\(normalised(family))|\(dateOfBirth.iso)"
    }

    static func normalised(_ name: String) -> String {
        // Plain ASCII names (most of them) need no Unicode folding.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: name.utf8.compactMap { byte -> UInt8? in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): byte
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
                default: nil
                }
            }, as: UTF8.self)
        }
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { CharacterSet.letters.contains($0) }.map(Character.init))
    }
}
