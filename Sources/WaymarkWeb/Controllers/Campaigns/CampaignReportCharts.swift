import Foundation
import WaymarkCore

/// The campaign report's pictures: for each channel, and for each group of
/// each breakdown the report already has, the share of those included who
/// answered and the share resolved, side by side. Made from the same tallies
/// as the tables beside them, so bar, sentence and table say one thing.
enum CampaignReportCharts {
    static let measures = ["Answered", "Resolved"]

    /// The chart and the sentence before it.
    /// `said` names a group in the sentence ("age 17" where the bar says "17").
    static func chart(_ title: String, groups: [CampaignReport.Group], id: String, said: (String) -> String = { $0 }) -> (svg: String, summary: String) {
        let drawn = groups.map { group in
            GroupedBarChart.Group(
                label: group.name,
                values: [group.tally.responseRate.map { $0 * 100 }, group.tally.resolutionRate.map { $0 * 100 }],
                valueTexts: [short(group.tally.responseRate, group.tally.contacted), short(group.tally.resolutionRate, group.tally.contacted)])
        }
        let summary = summary(groups, said: said)
        let chart = GroupedBarChart(title: title, summary: summary, measures: measures, groups: drawn, scaleAtLeast: 0, id: id)
        return (chart.svg, summary)
    }

    /// "41.2% of 85": short enough to follow the longest bar on a phone (the counts are in the table).
    static func short(_ rate: Double?, _ of: Int) -> String {
        guard let rate else { return "– nobody included" }
        return String(format: "%.1f%%", rate * 100) + " of \(of.formatted())"
    }

    /// "41.2% (35 of 85)", or "nobody included".
    static func text(_ rate: Double?, _ count: Int, _ of: Int) -> String {
        guard let rate else { return "– (nobody included)" }
        return String(format: "%.1f%%", rate * 100) + " (\(count.formatted()) of \(of.formatted()))"
    }

    /// Which group answered most and which least, and the same for resolution.
    static func summary(_ groups: [CampaignReport.Group], said: (String) -> String = { $0 }) -> String {
        let measured = groups.filter { $0.tally.contacted > 0 }
        guard let first = measured.first else { return "Nobody in these groups was included." }
        if measured.count == 1 {
            return "\(said(first.name).capitalisedFirst): \(text(first.tally.responseRate, first.tally.responded, first.tally.contacted)) answered, "
                + "\(text(first.tally.resolutionRate, first.tally.resolved, first.tally.contacted)) resolved, of those the campaign included."
        }
        func extremes(_ rate: (CampaignTally) -> Double?) -> (high: CampaignReport.Group, low: CampaignReport.Group) {
            let sorted = measured.sorted { (rate($0.tally) ?? 0, $1.name) > (rate($1.tally) ?? 0, $0.name) }
            return (sorted[0], sorted[sorted.count - 1])
        }
        let answered = extremes(\.responseRate), resolved = extremes(\.resolutionRate)
        return "Most answered: \(said(answered.high.name)) (\(percent(answered.high.tally.responseRate))); fewest: \(said(answered.low.name)) "
            + "(\(percent(answered.low.tally.responseRate))). Most resolved: \(said(resolved.high.name)) (\(percent(resolved.high.tally.resolutionRate))); "
            + "fewest: \(said(resolved.low.name)) (\(percent(resolved.low.tally.resolutionRate))). Shares are of those the campaign included, sent or not."
    }

    static func percent(_ rate: Double?) -> String { CampaignReportPage.percent(rate) }
}
