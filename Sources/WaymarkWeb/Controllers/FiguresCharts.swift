import Foundation
import WaymarkCore

/// The figures page's charts, made from the figures a job computed: the
/// words and numbers each chart shows are the ones in the tables beside it.
enum FiguresCharts {
    /// This year's twelve months as three lines, the same months a year before
    /// as a faint line of the headline measure, and each December–February
    /// average that falls in the year marked.
    static func trend(_ trend: HeadlineTrend, monthEnd: CalendarDate) -> LineChart {
        let year = (0..<12).reversed().map { monthEnd.adding(months: -$0).endOfMonth }
        let months = year.enumerated().map { index, date in
            LineChart.Month(name: String(date.monthName.prefix(3)), year: index == 0 || date.month == 1 ? String(date.year) : nil)
        }
        func values(_ rate: (StateCounts) -> Proportion, monthsBack: Int = 0) -> [Double?] {
            year.map { date in trend.counts(on: date.adding(months: -monthsBack).endOfMonth).flatMap { rate($0).percentage } }
        }
        let latest = trend.counts(on: monthEnd)
        let yearBefore = trend.counts(on: monthEnd.adding(months: -12).endOfMonth)
        func latestText(_ counts: StateCounts?, _ rate: (StateCounts) -> Proportion, on date: CalendarDate) -> String {
            guard let counts, rate(counts).percentage != nil else { return "none at \(date.monthName) \(date.year)" }
            return "\(FiguresPage.percent(rate(counts))) at \(date.monthName) \(date.year)"
        }
        var series = [
            LineChart.Series(name: "NEET or not known", values: values(\.neetOrNotKnownRate), style: .solid, valueText: latestText(latest, \.neetOrNotKnownRate, on: monthEnd)),
            LineChart.Series(name: "NEET", values: values(\.neetRate), style: .dashed, valueText: latestText(latest, \.neetRate, on: monthEnd)),
            LineChart.Series(name: "Not known", values: values(\.notKnownRate), style: .dotted, valueText: latestText(latest, \.notKnownRate, on: monthEnd)),
        ]
        let ghost = values(\.neetOrNotKnownRate, monthsBack: 12)
        if ghost.contains(where: { $0 != nil }) {
            series.append(LineChart.Series(
                name: "NEET or not known a year earlier", values: ghost, style: .ghost, valueText: yearBefore.map { FiguresPage.percent($0.neetOrNotKnownRate) } ?? "none"))
        }
        let spans = trend.academicYearsWithWinters.compactMap { academicYear -> LineChart.Span? in
            guard let average = trend.decemberToFebruaryAverage(forAcademicYear: academicYear),
                let first = year.firstIndex(of: average.dates[0]), let last = year.firstIndex(of: average.dates[2])
            else { return nil }
            return LineChart.Span(first: first, last: last, value: average.neetOrNotKnownPercentage, label: "Dec–Feb average \(percent(average.neetOrNotKnownPercentage))")
        }
        return LineChart(
            title: "NEET and not known, month by month, to \(monthEnd.monthName) \(monthEnd.year)", summary: trendSummary(trend, monthEnd: monthEnd),
            months: months, series: series, spans: spans, id: "trend-chart")
    }

    /// The sentence before the trend chart, and its description: the latest month, a year before, and each winter average.
    static func trendSummary(_ trend: HeadlineTrend, monthEnd: CalendarDate) -> String {
        guard let latest = trend.counts(on: monthEnd), latest.cohort > 0 else {
            return "Nobody was in the cohort at the end of \(monthEnd.monthName) \(monthEnd.year)."
        }
        var text = "At the end of \(monthEnd.monthName) \(monthEnd.year), \(FiguresPage.percent(latest.neetOrNotKnownRate)) of the cohort of "
            + "\(latest.cohort.formatted()) were NEET or not known (NEET \(FiguresPage.percent(latest.neetRate)), not known \(FiguresPage.percent(latest.notKnownRate)))"
        let lastYear = monthEnd.adding(months: -12).endOfMonth
        if let before = trend.counts(on: lastYear), before.cohort > 0 {
            text += ", against \(FiguresPage.percent(before.neetOrNotKnownRate)) a year earlier"
        }
        text += "."
        for academicYear in trend.academicYearsWithWinters {
            guard let average = trend.decemberToFebruaryAverage(forAcademicYear: academicYear) else { continue }
            text += " The December to February average for \(academicYear) was \(percent(average.neetOrNotKnownPercentage)) NEET or not known "
                + "(NEET \(percent(average.neetPercentage)), not known \(percent(average.notKnownPercentage)))."
        }
        return text
    }

    /// A breakdown's NEET or not known rates, highest first, against the LA's.
    static func breakdown(title: String, rows: [(label: String, counts: StateCounts)], headline: StateCounts, id: String) -> (chart: RankedBarChart, summary: String) {
        let bars = rows.map { row in
            RankedBarChart.Bar(
                label: row.label, percentage: row.counts.neetOrNotKnownRate.percentage,
                valueText: row.counts.cohort == 0 ? "nobody in the cohort" : "\(FiguresPage.percent(row.counts.neetOrNotKnownRate)) of \(row.counts.cohort.formatted())")
        }
        let average = headline.neetOrNotKnownRate
        let summary = breakdownSummary(RankedBarChart.ranked(bars), average: average)
        let chart = RankedBarChart(
            title: "NEET or not known \(title.prefix(1).lowercased() + title.dropFirst())", summary: summary,
            bars: bars, average: average.percentage, averageText: "LA average \(FiguresPage.percent(average))", id: id)
        return (chart, summary)
    }

    static func breakdownSummary(_ sorted: [RankedBarChart.Bar], average: Proportion) -> String {
        let measured = sorted.filter { $0.percentage != nil }
        guard let highest = measured.first, let lowest = measured.last, let level = average.percentage else {
            return "Nobody was in the cohort."
        }
        if measured.count == 1 {
            return "\(highest.label): \(highest.valueText) NEET or not known; the LA average is \(FiguresPage.percent(average))."
        }
        let above = measured.filter { ($0.percentage ?? 0) > level }.count
        return "Highest \(highest.label) (\(highest.valueText)), lowest \(lowest.label) (\(lowest.valueText)) NEET or not known; "
            + "\(above) of \(measured.count) groups above the LA average of \(FiguresPage.percent(average))."
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value) }
}
