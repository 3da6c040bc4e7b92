/// A sheet read from CSV or XLSX, before the template is applied: rows of
/// cell text, each with the number a person sees beside it.
struct ImportGrid: Sendable {
    struct Row: Sendable {
        /// 1-based, as a spreadsheet shows it.
        let number: Int
        let cells: [String]
    }

    var rows: [Row]
    /// Number cells in date columns are Excel day serials (true for XLSX).
    var excelSerialDates = false
    /// The workbook uses the 1904 date system.
    var date1904 = false

    /// Column letters as a spreadsheet shows them: 0 → "A", 26 → "AA".
    static func columnLetters(_ index: Int) -> String {
        var number = index + 1
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}
