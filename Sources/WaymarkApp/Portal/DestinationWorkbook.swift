public import WaymarkCore
import WaymarkFormats

/// The destinations report as a download: the page's table with counts and
/// percentages as numbers a spreadsheet can sum, through the same writers
/// as every other list. The sheet's and the file's names carry the leaving
/// year and the day it was as at.
public enum DestinationWorkbook {
    public static let contentType = WorkbookWriter.contentType

    public static func download(_ report: DestinationReport, format: ExportFormat) -> ExportDownload {
        func percentage(_ share: Proportion) -> SpreadsheetCell {
            share.percentage.map { .percentage($0) } ?? .empty
        }
        var rows: [[SpreadsheetCell]] = report.lines.map { [.text($0.label), .integer($0.count), percentage($0.share)] }
        rows.append([.text("All leavers"), .integer(report.total), report.total > 0 ? .percentage(100) : .empty])
        let table = SpreadsheetTable(
            title: "\(report.leavingYear.year) leavers at \(report.asAt.iso)", columns: ["Destination", "Leavers", "Percentage"], rows: rows)
        return ExportDownload(table, format: format, fileStem: "destinations-\(report.leavingYear.year)-leavers-\(report.asAt.iso)")
    }
}
