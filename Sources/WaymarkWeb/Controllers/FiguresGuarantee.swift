import Foundation
import WaymarkCore

/// The September Guarantee's progress through the autumn on the figures page:
/// the share of the Year 11 and Year 12 guarantee cohort with an offer
/// recorded, week by week, as the figures job counted it (the page computes
/// nothing). Its last point is the guarantee figure written above it.
struct FiguresGuarantee: Sendable {
    struct Row: Sendable {
        let date: String
        let cohort: String
        let offers: String
        let year11: String
        let year12: String
        let notAppropriate: String
        let noOffer: String
        let notRecorded: String
    }

    let summary: String
    let chart: String
    let rows: [Row]

    /// Nil when nobody was in the guarantee cohort on any date.
    init?(_ progress: GuaranteeProgress) {
        guard let last = progress.points.last, progress.points.contains(where: { $0.figures.all.cohort > 0 }) else { return nil }
        rows = progress.points.map { point in
            let all = point.figures.all
            return Row(
                date: point.date.longDescription, cohort: all.cohort.formatted(),
                offers: "\(all.offerMade.formatted()) (\(FiguresPage.percent(all.offerMadeRate)))",
                year11: FiguresPage.percent(point.figures[.year11].offerMadeRate), year12: FiguresPage.percent(point.figures[.year12].offerMadeRate),
                notAppropriate: all.offerNotAppropriate.formatted(), noOffer: all.noOffer.formatted(), notRecorded: all.notRecorded.formatted())
        }
        summary = Self.summary(progress)
        chart = Self.chart(progress, summary: summary, through: last.date).svg
    }

    static func summary(_ progress: GuaranteeProgress) -> String {
        guard let first = progress.points.first, let last = progress.points.last else { return "" }
        let all = last.figures.all
        var text = "By \(last.date.longDescription), \(all.offerMade.formatted()) of the \(all.cohort.formatted()) young people in the guarantee cohort "
            + "(\(FiguresPage.percent(all.offerMadeRate))) had an offer recorded: \(FiguresPage.percent(last.figures[.year11].offerMadeRate)) "
            + "of 16-year-olds on their Year 11 guarantee and \(FiguresPage.percent(last.figures[.year12].offerMadeRate)) of 17-year-olds on their Year 12 guarantee."
        if first.date != last.date {
            text += " On \(first.date.longDescription) it was \(FiguresPage.percent(first.figures.all.offerMadeRate))."
        }
        return text
    }

    /// One slot a week; a week is named by its month only when the month changes, so the axis reads as months.
    static func chart(_ progress: GuaranteeProgress, summary: String, through last: CalendarDate) -> LineChart {
        var months: [LineChart.Month] = []
        var previous: Int?
        for (index, point) in progress.points.enumerated() {
            let newMonth = point.date.month != previous
            previous = point.date.month
            months.append(LineChart.Month(
                name: newMonth ? String(point.date.monthName.prefix(3)) : "",
                year: newMonth && (index == 0 || point.date.month == 1) ? String(point.date.year) : nil))
        }
        func series(_ name: String, _ style: LineChart.Style, _ counts: (GuaranteeFigures) -> GuaranteeCounts) -> LineChart.Series {
            let latest = progress.points.last.map { counts($0.figures) } ?? GuaranteeCounts()
            return LineChart.Series(
                name: name, values: progress.points.map { counts($0.figures).offerMadeRate.percentage }, style: style,
                valueText: latest.cohort == 0 ? "nobody in the cohort" : "\(FiguresPage.percent(latest.offerMadeRate)) of \(latest.cohort.formatted())")
        }
        return LineChart(
            title: "September Guarantee: share with an offer recorded, week by week to \(last.longDescription)", summary: summary, months: months,
            series: [
                series("Both year groups", .solid, \.all),
                series("Year 11 guarantee (16-year-olds)", .dashed) { $0[.year11] },
                series("Year 12 guarantee (17-year-olds)", .dotted) { $0[.year12] },
            ],
            spans: [], id: "guarantee-chart")
    }
}
