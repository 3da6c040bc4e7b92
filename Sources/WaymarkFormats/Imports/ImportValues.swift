public import WaymarkCore

/// Checks and normalises one cell. Each function returns the typed value or
/// throws a `ValueFailure` whose message quotes the value and says what is
/// expected; the template reader adds the row and field.
public enum ImportValues {
    /// A rule one value breaks.
    public struct ValueFailure: Error, Hashable, Sendable {
        public let rule: String
        public let message: String

        public init(rule: String, message: String) {
            self.rule = rule
            self.message = message
        }
    }

    /// `YYYY-MM-DD` or `DD/MM/YYYY` (day and month may be one digit); a time
    /// of midnight after the date is ignored, as spreadsheets add one. With
    /// `excelSerial`, a plain number is an Excel day serial (XLSX cells hold
    /// dates that way): `date1904` selects the Mac 1904 date system.
    public static func date(_ text: String, excelSerial: Bool = false, date1904: Bool = false) throws(ValueFailure) -> CalendarDate {
        var value = Substring(text)
        for suffix in ["T00:00:00", " 00:00:00", " 00:00"] where value.hasSuffix(suffix) {
            value = value.dropLast(suffix.count)
        }
        let failure = ValueFailure(rule: "date", message: "'\(text)' is not a real date (YYYY-MM-DD or DD/MM/YYYY)")
        if excelSerial, let serial = Double(value), serial.isFinite {
            // Excel's 1900 system counts 1900-01-01 as day 1 and wrongly holds
            // 29 February 1900, so from 1 March 1900 day 25569 is 1970-01-01.
            // Bounded while still a Double: Int(1e19) would trap.
            let first = date1904 ? 0.0 : 61.0
            guard serial >= first, serial < 2_958_466 else { throw failure }
            let offset = date1904 ? 24_107 : 25_569
            return CalendarDate(dayNumber: Int(serial.rounded(.down)) - offset)
        }
        if let date = try? CalendarDate(iso: String(value)) { return date }
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            let date = try? CalendarDate(year: year, month: month, day: day)
        else { throw failure }
        return date
    }

    /// F, M, U or W, or the words Female, Male, Unknown, Withheld (any case).
    public static func gender(_ text: String) throws(ValueFailure) -> Gender {
        switch text.lowercased() {
        case "f", "female": return .female
        case "m", "male": return .male
        case "u", "unknown", "not known": return .unknown
        case "w", "withheld", "prefer not to say": return .withheld
        default:
            throw ValueFailure(rule: "gender", message: "'\(text)' is not a gender (F, M, U or W)")
        }
    }

    /// A unique pupil number: 13 characters, the first a check letter, then
    /// 11 digits, then a digit or (for a temporary UPN) a letter. Spaces are
    /// dropped and letters upper-cased.
    ///
    /// The check letter is the DfE's: weight characters 2–13 by their
    /// positions 2–13 (letters valued by their place in
    /// ABCDEFGHJKLMNPQRTUVWXYZ, digits by themselves), sum, take the
    /// remainder by 23, and index the same alphabet. Checked against
    /// published valid UPNs (e.g. Z213282605052).
    public static func upn(_ text: String) throws(ValueFailure) -> String {
        let value = text.uppercased().filter { $0 != " " }
        let characters = Array(value)
        guard characters.count == 13,
            let first = characters.first, upnAlphabet.contains(first),
            characters[1...11].allSatisfy(\.isASCIIDigit),
            characters[12].isASCIIDigit || upnAlphabet.contains(characters[12])
        else {
            throw ValueFailure(
                rule: "upn-format",
                message: "'\(text)' is not a UPN: 13 characters, a letter, 11 digits, then a digit or letter")
        }
        guard upnCheckLetter(characters[1...]) == first else {
            throw ValueFailure(rule: "upn-check-letter", message: "'\(text)' has the wrong check letter for a UPN")
        }
        return value
    }

    static let upnAlphabet = UPNCheckLetter.alphabet

    static func upnCheckLetter(_ rest: ArraySlice<Character>) -> Character? {
        UPNCheckLetter.letter(for: rest)
    }

    /// A unique learner number: 10 digits (spaces dropped). Only the format is
    /// checked: the ULN's check digit rule was not available to verify.
    public static func uln(_ text: String) throws(ValueFailure) -> String {
        let value = text.filter { $0 != " " }
        guard value.count == 10, value.allSatisfy(\.isASCIIDigit) else {
            throw ValueFailure(rule: "uln-format", message: "'\(text)' must be 10 digits")
        }
        return value
    }

    /// A UK provider reference number: 8 digits starting with 1.
    public static func ukprn(_ text: String) throws(ValueFailure) -> String {
        guard text.count == 8, text.first == "1", text.allSatisfy(\.isASCIIDigit) else {
            throw ValueFailure(rule: "ukprn-format", message: "'\(text)' must be 8 digits starting with 1")
        }
        return text
    }

    /// A DfE establishment number: the 3-digit LA code and 4-digit
    /// establishment, written "9904001", "990/4001" or "990-4001".
    public static func establishmentNumber(_ text: String) throws(ValueFailure) -> String {
        let value = text.filter { $0 != "/" && $0 != "-" && $0 != " " }
        guard value.count == 7, value.allSatisfy(\.isASCIIDigit) else {
            throw ValueFailure(
                rule: "establishment-number",
                message: "'\(text)' must be a 7-digit DfE number (LA code then establishment, e.g. 990/4001)")
        }
        return value
    }

    /// A UK postcode, returned upper-cased with one space: "nm34qt" → "NM3 4QT".
    /// The shape is checked (A9, A99, AA9, AA99, A9A or AA9A, then 9AA), not
    /// whether the postcode exists.
    public static func postcode(_ text: String) throws(ValueFailure) -> String {
        let compact = Array(text.uppercased().filter { $0 != " " })
        let failure = ValueFailure(rule: "postcode", message: "'\(text)' is not a UK postcode (for example NM3 4QT)")
        guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw failure
        }
        let outward = compact.dropLast(3)
        let inward = compact.suffix(3)
        let inwardOK = inward[inward.startIndex].isNumber && inward.dropFirst().allSatisfy(\.isLetter)
        let shape = String(outward.map { $0.isLetter ? "A" : "9" })
        guard inwardOK, ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(shape) else { throw failure }
        return String(outward) + " " + String(inward)
    }

    /// An intended destination code (ID01). A label after the code, as in
    /// "121 - FT education other", is allowed.
    public static func intendedDestination(_ text: String) throws(ValueFailure) -> IntendedDestination {
        let digits = text.prefix { $0.isASCIIDigit }
        let rest = text.dropFirst(digits.count)
        guard let number = Int(digits), rest.isEmpty || rest.first == " " || rest.first == "-",
            let code = IntendedDestination(rawValue: number)
        else {
            let known = IntendedDestination.allCases.map { String($0.rawValue) }.joined(separator: ", ")
            throw ValueFailure(
                rule: "intended-destination", message: "'\(text)' is not an intended destination code (\(known))")
        }
        return code
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
