public import Foundation
import WaymarkCore
import WaymarkFormats
import WaymarkRecords

/// The campaign report's tables as one sheet: each breakdown's groups one
/// after another under the page's columns, rates as percentages to one
/// decimal place, then who was not contacted and why. Counts only, no one
/// named, so not audited (as the page is not).
extension CampaignDesk {
    static let reportColumns = [
        "Breakdown", "Group", "Considered", "Contacted", "Answered", "Response rate (%)", "Resolved", "Resolution rate (%)",
    ]

    public func reportExport(_ id: Int64, format: ExportFormat, for grant: AccessGrant, at now: Date) async throws -> ExportDownload {
        let (campaign, report) = try await report(id, for: grant, at: now)
        var rows: [[SpreadsheetCell]] = [Self.tallyRow("All", "All", report.overall)]
        rows += report.byChannel.map { Self.tallyRow("Channel", $0.name, $0.tally) }
        for dimension in report.byDimension {
            rows += dimension.groups.map { Self.tallyRow(dimension.name, $0.name, $0.tally) }
        }
        rows += report.skipped.map { [.text("Not contacted, and why"), .text($0.reason), .integer($0.count), .empty, .empty, .empty, .empty, .empty] }
        let table = SpreadsheetTable(title: "Campaign report", columns: Self.reportColumns, rows: rows)
        return ExportDownload(table, format: format, fileStem: ExportDownload.stem("campaign-\(campaign.id)-report", on: now))
    }

    static func tallyRow(_ breakdown: String, _ group: String, _ tally: CampaignTally) -> [SpreadsheetCell] {
        func percent(_ rate: Double?) -> SpreadsheetCell { rate.map { .percentage($0 * 100) } ?? .empty }
        return [
            .text(breakdown), .text(group), .integer(tally.considered), .integer(tally.contacted), .integer(tally.responded),
            percent(tally.responseRate), .integer(tally.resolved), percent(tally.resolutionRate),
        ]
    }
}
