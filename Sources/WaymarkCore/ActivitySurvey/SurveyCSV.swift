/// RFC 4180 text for the survey's CSV files.
enum SurveyCSV {
    /// Lines end CRLF, as RFC 4180 asks and spreadsheet programs expect.
    static let lineEnding = "\r\n"

    /// A field as CSV text: quoted when it holds a comma, quote or line break, with quotes doubled.
    static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return text }
        return "\"" + String(text.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\""
    }

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    /// Whole lines, each ended by a line ending.
    static func document(_ lines: [String]) -> String {
        lines.map { $0 + lineEnding }.joined()
    }
}
