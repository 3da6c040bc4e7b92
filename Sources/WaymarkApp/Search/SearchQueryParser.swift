public import WaymarkCore
import WaymarkMatching

/// Reads a search box's text: "jon smith 14/03/2009", "NM3 4QT", "H990250000123".
/// Dates are British (day first). A two-digit year is taken as the most
/// recent year ending in those digits that is not in the future.
public enum SearchQueryParser {
    /// The navigation search box allows 200 characters; anything longer was not typed there.
    public static let maxLength = 200

    public static func parse(_ text: String, today: CalendarDate) throws(SearchInputError) -> SearchRequest {
        guard text.count <= maxLength else { throw .tooLong(limit: maxLength) }
        let words = text.split { $0.isWhitespace || $0 == "," || $0 == ";" }.map(String.init)
        guard !words.isEmpty else { throw .empty }
        var request = SearchRequest()
        var index = 0
        while index < words.count {
            let word = words[index]
            let upper = word.uppercased()
            let next = index + 1 < words.count ? words[index + 1].uppercased() : nil
            if let date = spelledDate(words, at: index, today: today) {
                request.dateOfBirth = request.dateOfBirth ?? date
                index += 3
                continue
            }
            if let next, isOutwardCode(upper), isInwardCode(next) {
                request.postcode = request.postcode ?? "\(upper) \(next)"
                index += 2
                continue
            }
            if request.postcodeArea == nil, isAreaCode(upper) {
                // "NM1 4" is a sector; "NM1" alone the whole outward code.
                if let next, next.count == 1, next.allSatisfy(\.isASCIIDigit) {
                    request.postcodeArea = "\(upper) \(next)"
                    index += 2
                } else {
                    request.postcodeArea = upper
                    index += 1
                }
                continue
            }
            if let postcode = compactPostcode(upper) {
                request.postcode = request.postcode ?? postcode
            } else if isUPN(upper) {
                request.upn = request.upn ?? upper
            } else if word.count == 10, word.allSatisfy(\.isASCIIDigit) {
                request.uln = request.uln ?? word
            } else if let date = numericDate(word, today: today) {
                request.dateOfBirth = request.dateOfBirth ?? date
            } else if word.contains(where: \.isNumber) {
                request.ignored.append(word)
            } else {
                let parts = NameNormaliser.tokens(word)
                if parts.isEmpty { request.ignored.append(word) } else { request.nameWords.append(parts) }
            }
            index += 1
        }
        guard
            !request.nameWords.isEmpty || request.dateOfBirth != nil || request.postcode != nil || request.postcodeArea != nil || request.upn != nil
                || request.uln != nil
        else { throw .nothingToSearch }
        return request
    }

    // MARK: identifiers

    /// A UPN is a check letter and 12 digits; a temporary one ends in a letter instead.
    static func isUPN(_ word: String) -> Bool {
        let chars = Array(word)
        guard chars.count == 13, chars[0].isASCIIUpperLetter, chars[1...11].allSatisfy(\.isASCIIDigit) else { return false }
        return chars[12].isASCIIDigit || chars[12].isASCIIUpperLetter
    }

    static func isOutwardCode(_ word: String) -> Bool {
        let chars = Array(word)
        guard (2...4).contains(chars.count), chars[0].isASCIIUpperLetter else { return false }
        let letters = chars[1].isASCIIUpperLetter ? 2 : 1
        guard chars.count > letters, chars[letters].isASCIIDigit else { return false }
        return chars.dropFirst(letters + 1).allSatisfy { $0.isASCIIDigit || $0.isASCIIUpperLetter } && chars.count - letters <= 2
    }

    /// An outward code searched on its own. One-letter postcode areas are
    /// only these eight, so "X1" stays a stray word rather than an area.
    static func isAreaCode(_ word: String) -> Bool {
        guard isOutwardCode(word), let first = word.first else { return false }
        let second = word.dropFirst().first
        return second?.isASCIIUpperLetter == true || "BEGLMNSW".contains(first)
    }

    static func isInwardCode(_ word: String) -> Bool {
        let chars = Array(word)
        return chars.count == 3 && chars[0].isASCIIDigit && chars[1].isASCIIUpperLetter && chars[2].isASCIIUpperLetter
    }

    /// "NM34QT" → "NM3 4QT".
    static func compactPostcode(_ word: String) -> String? {
        guard (5...7).contains(word.count) else { return nil }
        let outward = String(word.dropLast(3)), inward = String(word.suffix(3))
        return isOutwardCode(outward) && isInwardCode(inward) ? "\(outward) \(inward)" : nil
    }

    // MARK: dates

    /// 14/03/2009, 14-3-2009, 14.03.09, 2009-03-14, 14032009.
    static func numericDate(_ word: String, today: CalendarDate) -> CalendarDate? {
        let fields = word.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if fields.count == 1, word.count == 8, let day = Int(word.prefix(2)), let month = Int(word.dropFirst(2).prefix(2)),
            let year = Int(word.suffix(4))
        {
            return date(year, month, day, today: today)
        }
        guard fields.count == 3, let a = Int(fields[0]), let b = Int(fields[1]), let c = Int(fields[2]) else { return nil }
        if fields[0].count == 4 { return date(a, b, c, today: today) }
        guard fields[0].count <= 2, fields[1].count <= 2, fields[2].count == 2 || fields[2].count == 4 else { return nil }
        return date(fields[2].count == 2 ? expand(twoDigitYear: c, today: today) : c, b, a, today: today)
    }

    /// "14 March 2009", "14 mar 09".
    static func spelledDate(_ words: [String], at index: Int, today: CalendarDate) -> CalendarDate? {
        guard index + 2 < words.count, words[index].count <= 2, let day = Int(words[index]),
            let month = months[String(words[index + 1].lowercased().prefix(3))],
            words[index + 2].allSatisfy(\.isASCIIDigit), let year = Int(words[index + 2]), [2, 4].contains(words[index + 2].count)
        else { return nil }
        return date(words[index + 2].count == 2 ? expand(twoDigitYear: year, today: today) : year, month, day, today: today)
    }

    static let months = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12]

    static func expand(twoDigitYear year: Int, today: CalendarDate) -> Int {
        let century = today.year / 100 * 100
        return century + year <= today.year ? century + year : century - 100 + year
    }

    /// A real day, not in the future and not absurdly far back.
    static func date(_ year: Int, _ month: Int, _ day: Int, today: CalendarDate) -> CalendarDate? {
        guard year >= 1900, let date = try? CalendarDate(year: year, month: month, day: day), date <= today else { return nil }
        return date
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIIUpperLetter: Bool { isASCII && isUppercase }
}
