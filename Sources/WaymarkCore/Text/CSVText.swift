/// RFC 4180 text for CSV files: the survey's, a school's destinations and
/// the queue downloads all write through here.
public enum CSVText {
    /// Lines end CRLF, as RFC 4180 asks and spreadsheet programs expect.
    public static let lineEnding = "\r\n"

    /// A field as CSV text: quoted when it holds a comma, quote or line break, with quotes doubled.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return text }
        return "\"" + String(text.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\""
    }

    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// Whole lines, each ended by a line ending.
    public static func document(_ lines: [String]) -> String {
        lines.map { $0 + lineEnding }.joined()
    }

    /// Text typed by people (names, wards, schools) for a file a spreadsheet
    /// will open: a leading `=`, `+`, `-`, `@`, tab or carriage return would be
    /// run as a formula, so it is written after an apostrophe, which
    /// spreadsheets show as text (OWASP's advice on CSV injection). Not for
    /// national formats, whose fields are codes.
    public static func spreadsheetText(_ text: String) -> String {
        startsLikeAFormula(text) ? "'" + text : text
    }

    /// Whether a spreadsheet would take the text for a formula. Scalars, not
    /// characters: "\r\n" is one Swift character, and it begins with a carriage return.
    public static func startsLikeAFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first == "=" || first == "+" || first == "-" || first == "@" || first == "\t" || first == "\r"
    }
}
