import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The destinations report for one leaving year: a sentence, the chart and the table, with downloads.
struct PortalDestinationsPage: PageModel {
    static let template = "portal-destinations"

    struct Row: Sendable {
        let label: String
        /// As shown: "1,204".
        let count: String
        let percentage: String
    }

    struct YearLink: Sendable {
        let label: String
        let link: String
        let current: Bool
    }

    let title: String
    let frame: StaffFrame
    let school: String
    let yearLabel: String
    let asAt: String
    let summary: String
    let chart: String
    let rows: [Row]
    let total: String
    let hasLeavers: Bool
    let downloads: DownloadLinks
    let years: [YearLink]

    init(frame: StaffFrame, report: DestinationReport) {
        self.frame = frame
        school = report.school
        title = "Destinations of \(report.leavingYear.label)"
        yearLabel = report.leavingYear.label
        asAt = report.asAt.longDescription
        summary = report.summary
        rows = report.lines.map { Row(label: $0.label, count: $0.count.formatted(), percentage: $0.share.percentageText.isEmpty ? "–" : "\($0.share.percentageText)%") }
        total = report.total.formatted()
        hasLeavers = report.total > 0
        chart = BarChart(
            title: "\(report.school): where the \(report.leavingYear.label) are now", summary: report.summary,
            bars: report.lines.map { row in
                BarChart.Bar(
                    label: row.label, value: row.count,
                    valueText: row.share.percentageText.isEmpty ? row.count.formatted() : "\(row.count.formatted()) (\(row.share.percentageText)%)",
                    emphasised: DestinationCategory.allCases.first { $0.label == row.label }?.needsAttention ?? false)
            },
            id: "destinations-chart"
        ).svg
        downloads = DownloadLinks(path: Paths.portalDestinations, query: [URLQueryItem(name: "year", value: String(report.leavingYear.year))])
        years = LeavingYear.recent(on: report.asAt).map {
            YearLink(label: $0.label, link: Paths.portalDestinations(year: $0.year), current: $0 == report.leavingYear)
        }
    }
}
