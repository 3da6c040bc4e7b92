import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a worksheet part into a grid, row by row as the parser meets them.
///
/// Cells are `<c r="C12" t="…"><v>…</v></c>`: `t="s"` is an index into the
/// shared strings, `t="inlineStr"` holds `<is><t>` text, `t="str"` a formula's
/// text, `t="b"` 0 or 1, `t="e"` an error such as #N/A, and no `t` a number
/// (dates are numbers: day serials, turned into dates by the template for
/// date columns). Empty cells are often left out, so positions come from the
/// `r` references, not the order.
final class XLSXSheet: XMLEventHandler {
    /// Excel's own limits: column XFD, row 1,048,576.
    static let maxColumns = 16_384
    static let maxRowNumber = 1_048_576

    let sharedStrings: [String]
    let limits: ImportLimits
    var rows: [ImportGrid.Row] = []
    var abortError: ImportFileError?

    private var rowNumber = 0
    private var cells: [String] = []
    private var column = -1
    private var cellReference = ""
    private var cellType = ""
    private var value = ""
    private var collecting = false
    /// Cells held so far in `rows` and `cells`, padding included, against `limits.maxCells`.
    private var cellsHeld = 0

    init(sharedStrings: [String], limits: ImportLimits) {
        self.sharedStrings = sharedStrings
        self.limits = limits
    }

    static func read(_ data: Data, part: String, sharedStrings: [String], limits: ImportLimits) throws(ImportFileError) -> ImportGrid {
        let reader = XLSXSheet(sharedStrings: sharedStrings, limits: limits)
        try XMLRun.parse(data, part: part, handler: reader)
        return ImportGrid(rows: reader.rows, excelSerialDates: true)
    }

    func start(_ elementName: String, attributes: [String: String], parser: XMLParser) {
        switch localName(elementName) {
        case "row":
            let number = attributes["r"].map { Int($0.trimmingCharacters(in: .whitespaces)) } ?? rowNumber + 1
            guard let number, (1...Self.maxRowNumber).contains(number) else {
                let written = attributes["r"].map { "'\($0.prefix(40))'" } ?? "after row \(rowNumber)"
                stop(parser, .notXLSX(reason: "row \(written) is not a row number from 1 to 1,048,576"))
                return
            }
            // Rows come in order, each once (ECMA-376): a repeated number would leave two rows, and
            // their problems, under one name (the fuzzer's "row 2" twice).
            guard number > rowNumber else {
                stop(parser, .notXLSX(reason: "row \(number) comes after row \(rowNumber): a sheet's rows must be in order, each once"))
                return
            }
            rowNumber = number
            cells = []
            column = -1
        case "c":
            cellReference = attributes["r"] ?? ""
            cellType = attributes["t"] ?? "n"
            value = ""
            column = Self.columnIndex(cellReference) ?? column + 1
            if column >= Self.maxColumns {
                stop(parser, .notXLSX(reason: "row \(rowNumber): cell '\(cellReference.prefix(40))' is beyond Excel's last column, XFD"))
            }
        case "v", "t":
            collecting = true
        default:
            break
        }
    }

    func end(_ elementName: String, parser: XMLParser) {
        switch localName(elementName) {
        case "v", "t":
            collecting = false
        case "c":
            // After a stop the parser may still report the end of the cell it was in.
            guard abortError == nil, let text = cellText(parser) else { return }
            // An empty cell changes nothing, so it is not worth padding the row to reach it.
            guard !text.isEmpty else { return }
            if column >= cells.count {
                let added = column - cells.count + 1
                guard cellsHeld + added <= limits.maxCells else {
                    stop(parser, .tooManyCells(row: rowNumber, column: ImportGrid.columnLetters(column), limit: limits.maxCells))
                    return
                }
                cellsHeld += added
                cells.append(contentsOf: repeatElement("", count: added))
            }
            cells[column] = text
        case "row":
            guard abortError == nil else { return }
            rows.append(ImportGrid.Row(number: rowNumber, cells: cells))
            // The header plus the row limit; one more is already too many.
            if rows.count > limits.maxRows + 1 { stop(parser, .tooManyRows(limit: limits.maxRows)) }
        default:
            break
        }
    }

    func characters(_ string: String, parser: XMLParser) {
        if collecting { value += string }
    }

    private func cellText(_ parser: XMLParser) -> String? {
        switch cellType {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                stop(parser, .notXLSX(reason: "cell \(cellReference) refers to shared string '\(value)', which does not exist"))
                return nil
            }
            return sharedStrings[index]
        case "b":
            return value == "1" ? "TRUE" : "FALSE"
        default:
            return value
        }
    }

    private func stop(_ parser: XMLParser, _ error: ImportFileError) {
        if abortError == nil { abortError = error }
        parser.abortParsing()
    }

    /// "C12" → 2; nil when the reference has no column letters.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard let ascii = scalar.isASCII ? UInt8(scalar.value) : nil else { return nil }
            if ascii >= 65 && ascii <= 90 {
                index = index * 26 + Int(ascii - 64)
                letters += 1
                if letters > 3 { return nil }
            } else {
                break
            }
        }
        return letters == 0 ? nil : index - 1
    }
}
