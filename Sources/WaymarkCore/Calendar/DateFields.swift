/// A date typed as three boxes, day, month and year, as GOV.UK services ask
/// for it: a native date picker shows month/day/year in an English-US
/// browser, and three boxes let a person type what they have in front of
/// them. Reading them says which box is wrong, so the form can say
/// "must include a month" rather than "not a date".
public struct DateFields: Sendable, Hashable {
    public enum Part: String, Sendable, CaseIterable {
        case day, month, year
    }

    /// Why the boxes do not make a date, and which boxes are at fault.
    public struct Problem: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case missing
            case notReal
            case yearNotFourDigits
        }

        public let kind: Kind
        public let parts: [Part]

        public init(kind: Kind, parts: [Part]) {
            self.kind = kind
            self.parts = parts
        }

        /// "The start date must include a month"; `label` reads as the
        /// start of a sentence ("The start date", "Date of birth").
        public func message(for label: String) -> String {
            switch kind {
            case .missing: "\(label) must include a \(Self.listed(parts.map(\.rawValue)))"
            case .notReal: "\(label) must be a real date"
            case .yearNotFourDigits: "\(label) must have a year with 4 numbers, like 2007"
            }
        }

        private static func listed(_ words: [String]) -> String {
            words.count <= 1 ? words.joined() : words.dropLast().joined(separator: ", ") + " and " + words[words.count - 1]
        }
    }

    public enum Reading: Sendable, Equatable {
        case blank
        case date(CalendarDate)
        case problem(Problem)
    }

    public var day: String
    public var month: String
    public var year: String

    public init(day: String = "", month: String = "", year: String = "") {
        self.day = day
        self.month = month
        self.year = year
    }

    /// The boxes as a person would have typed the date: "7", "3", "2007".
    public init(_ date: CalendarDate) {
        self.init(day: String(date.day), month: String(date.month), year: String(date.year))
    }

    public var isBlank: Bool { [day, month, year].allSatisfy { Self.trimmed($0).isEmpty } }

    public func read() -> Reading {
        let texts: [(Part, Substring)] = [(.day, Self.trimmed(day)), (.month, Self.trimmed(month)), (.year, Self.trimmed(year))]
        let missing = texts.filter { $0.1.isEmpty }.map(\.0)
        if missing.count == 3 { return .blank }
        if !missing.isEmpty { return .problem(Problem(kind: .missing, parts: missing)) }
        guard let dayNumber = Self.number(texts[0].1, maxDigits: 2) else { return .problem(Problem(kind: .notReal, parts: [.day])) }
        guard let monthNumber = Self.number(texts[1].1, maxDigits: 2) ?? Self.monthNamed(texts[1].1) else {
            return .problem(Problem(kind: .notReal, parts: [.month]))
        }
        // A 2-digit year is refused, not guessed: "07" could be 1907 or 2007, and a date of birth is the one place that matters.
        guard let yearNumber = Self.number(texts[2].1, maxDigits: 4) else { return .problem(Problem(kind: .notReal, parts: [.year])) }
        guard texts[2].1.count == 4 else { return .problem(Problem(kind: .yearNotFourDigits, parts: [.year])) }
        guard (1...12).contains(monthNumber) else { return .problem(Problem(kind: .notReal, parts: [.month])) }
        guard let date = try? CalendarDate(year: yearNumber, month: monthNumber, day: dayNumber) else {
            return .problem(Problem(kind: .notReal, parts: [.day]))
        }
        return .date(date)
    }

    private static func trimmed(_ text: String) -> Substring {
        var text = Substring(text)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }

    private static func number(_ text: Substring, maxDigits: Int) -> Int? {
        guard !text.isEmpty, text.count <= maxDigits, text.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(text)
    }

    /// GOV.UK's pattern accepts a month written as a word: "March", "mar", "Sept".
    private static func monthNamed(_ text: Substring) -> Int? {
        let word = text.lowercased()
        guard word.count >= 3 else { return nil }
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        if word == "sept" { return 9 }
        return names.firstIndex { $0 == word || ($0.hasPrefix(word) && word.count == 3) }.map { $0 + 1 }
    }
}
