public import Foundation
public import WaymarkCore
import WaymarkFormats

/// The destinations report as an Excel workbook: the same table as the page
/// and the CSV, with counts and percentages as numbers a spreadsheet can sum.
public enum DestinationWorkbook {
    public static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    public static func xlsx(_ report: DestinationReport) throws -> Data {
        typealias Cell = WorkbookWriter.Cell
        func percentage(_ share: Proportion) -> Cell {
            share.percentage.map { .number(($0 * 10).rounded() / 10) } ?? .text("")
        }
        var rows: [[Cell]] = [
            [.text("\(report.school): destinations of \(report.leavingYear.label) as at \(report.asAt.iso)")],
            DestinationReport.header.map(Cell.text),
        ]
        rows += report.lines.map { [.text($0.label), .integer($0.count), percentage($0.share)] }
        rows.append([.text("All leavers"), .integer(report.total), report.total > 0 ? .number(100) : .text("")])
        return try WorkbookWriter.xlsx(sheetName: "\(report.leavingYear.year) leavers", rows: rows)
    }
}
