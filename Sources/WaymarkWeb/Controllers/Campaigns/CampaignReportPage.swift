import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Which methods work for whom: response and resolution by channel and by group.
struct CampaignReportPage: PageModel {
    static let template = "campaign-report"

    struct Row: Sendable {
        let name: String
        // Counts as shown: "1,204".
        let considered: String
        let contacted: String
        /// Messages the outbox has sent or delivered (never those still queued), letters produced, calls and visits made.
        let sent: String
        let responded: String
        let responseRate: String
        let resolved: String
        let resolutionRate: String
    }

    struct Dimension: Sendable {
        let name: String
        let rows: [Row]
        let summary: String
        let chart: String

        init(_ dimension: CampaignReport.Dimension, index: Int) {
            name = dimension.name
            rows = dimension.groups.map { CampaignReportPage.row($0.name, $0.tally) }
            let drawn = CampaignReportCharts.chart(
                "Answered and resolved by \(dimension.name.lowercased())", groups: dimension.groups, id: "campaign-dimension-\(index)-chart",
                said: { dimension.name == "Age" && $0.first?.isNumber == true ? "age \($0)" : $0 })
            summary = drawn.summary
            chart = drawn.svg
        }
    }

    struct Skip: Sendable {
        let reason: String
        let count: String
    }

    let title: String
    let frame: StaffFrame
    let id: Int64
    let name: String
    let audience: String
    let sent: String
    let overall: Row
    let channels: [Row]
    let channelSummary: String
    let channelChart: String
    let dimensions: [Dimension]
    let skipped: [Skip]
    let hasSkipped: Bool
    let medianDays: String
    let notKnownResolved: String
    let downloads: DownloadLinks

    init(frame: StaffFrame, campaign: StoredCampaign, report: CampaignReport, downloads: DownloadLinks) {
        self.downloads = downloads
        title = "Campaign report – \(campaign.name)"
        self.frame = frame
        id = campaign.id
        name = campaign.name
        audience = (try? CampaignAudience(queryString: campaign.audience))?.summary ?? "–"
        sent = campaign.sentAt.map(UKTime.describe) ?? "–"
        overall = Self.row("All", report.overall)
        channels = report.byChannel.map { Self.row($0.name, $0.tally) }
        let drawn = CampaignReportCharts.chart("Answered and resolved by channel", groups: report.byChannel, id: "campaign-channel-chart")
        channelSummary = drawn.summary
        channelChart = drawn.svg
        dimensions = report.byDimension.enumerated().map { Dimension($0.element, index: $0.offset) }
        skipped = report.skipped.map { Skip(reason: $0.reason, count: $0.count.formatted()) }
        hasSkipped = !skipped.isEmpty
        medianDays = report.medianDaysToResolution.map { String(format: "%.1f days", $0) } ?? "none resolved yet"
        notKnownResolved = report.notKnownResolved.formatted()
    }

    static func row(_ name: String, _ tally: CampaignTally) -> Row {
        Row(name: name, considered: tally.considered.formatted(), contacted: tally.contacted.formatted(),
            sent: tally.attempted.formatted(), responded: tally.responded.formatted(),
            responseRate: percent(tally.responseRate), resolved: tally.resolved.formatted(), resolutionRate: percent(tally.resolutionRate))
    }

    static func percent(_ rate: Double?) -> String {
        rate.map { String(format: "%.1f%%", $0 * 100) } ?? "–"
    }
}
