public import WaymarkCore
import WaymarkMatching

/// What a search box's text asks for: name parts, a date of birth, a
/// postcode, a UPN or a ULN, in any order and mix.
public struct SearchRequest: Sendable, Equatable {
    /// Each typed name word's normalised parts ("Bennett-Clarke" → ["bennett", "clarke"]).
    public var nameWords: [[String]] = []
    public var dateOfBirth: CalendarDate?
    /// Upper case with one space before the inward code: "NM3 4QT".
    public var postcode: String?
    /// Part of a postcode, upper case: an outward code ("NM1") or a sector ("NM1 4").
    public var postcodeArea: String?
    public var upn: String?
    public var uln: String?
    /// Words that were none of the above, to tell the user they were left out.
    public var ignored: [String] = []

    public var nameTokens: [String] { nameWords.flatMap { $0 } }

    /// The one name part typed, when a name is all that was typed ("smith", not "bennett-clarke").
    var singleNameToken: String? {
        guard nameWords.count == 1, nameWords[0].count == 1, dateOfBirth == nil, postcode == nil, postcodeArea == nil, upn == nil, uln == nil
        else { return nil }
        return nameWords[0][0]
    }

    /// Nothing asked for but an area: the people living there, a page at a time.
    var isAreaOnly: Bool {
        postcodeArea != nil && nameWords.isEmpty && dateOfBirth == nil && postcode == nil && upn == nil && uln == nil
    }

    /// The kinds asked for, for logs and benchmarks (never the values).
    public var kinds: [String] {
        [
            ("name", !nameWords.isEmpty), ("dob", dateOfBirth != nil), ("postcode", postcode != nil), ("area", postcodeArea != nil), ("upn", upn != nil),
            ("uln", uln != nil),
        ].filter(\.1).map(\.0)
    }
}

/// Why a search could not be run, in words for the person who typed it.
public enum SearchInputError: Error, Equatable, CustomStringConvertible {
    case empty
    case tooLong(limit: Int)
    case nothingToSearch
    /// Only a postcode, from someone who may not see addresses.
    case postcodeRestricted

    public var description: String {
        switch self {
        case .empty:
            "Enter a name, date of birth, postcode, UPN or ULN to search for."
        case .tooLong(let limit):
            "The search is too long. Enter at most \(limit) characters: a name, date of birth, postcode, UPN or ULN."
        case .postcodeRestricted:
            "Addresses are restricted for your role, so you cannot search by postcode. Search by name, date of birth, UPN or ULN."
        case .nothingToSearch:
            "Nothing in the search could be used. Enter a name, a date of birth like 14/03/2009, a postcode like NM3 4QT, "
                + "a UPN (a letter and 12 digits) or a ULN (10 digits)."
        }
    }
}
