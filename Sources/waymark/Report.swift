import ArgumentParser
import Foundation
import WaymarkApp
import WaymarkCore

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print statutory figures.", subcommands: [ReportFigures.self])
}

struct ReportFigures: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "NEET, not known and participation figures for a month end, with the Dec–Feb average, September Guarantee, breakdowns and the trend.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var authority: AuthorityOptions

    @Option(help: "The month (YYYY-MM); figures are at its last day.")
    var month: String

    func run() async throws {
        let monthEnd = try CommandDates.monthEnd(month, option: "--month")
        let laCode = try authority.code()
        // The annual measures come from the latest academic year whose
        // December–March has already happened by the month asked for.
        let current = AcademicYear(containing: monthEnd)
        let year = monthEnd >= FiguresReport.monthEnd(year: current.startYear + 1, month: 3) ? current : AcademicYear(startYear: current.startYear - 1)
        // The trend: the twelve month ends to this one, plus the dates the annual measures need.
        let trend = FiguresReport.monthEnds(from: monthEnd.adding(months: -11), through: monthEnd)
        let annual = [12, 1, 2, 3].map { month in
            FiguresReport.monthEnd(year: month >= 9 ? year.startYear : year.startYear + 1, month: month)
        }
        let dates = Array(Set(trend + annual)).sorted()
        let (report, skipped) = try await storage.withStore(logger: CommandLogging.logger("report")) { store in
            try await StatutoryFigures(store: store, registry: authority.registry, laCode: laCode).figures(at: dates)
        }
        print(FiguresText.render(report, monthEnd: monthEnd, trend: trend, academicYear: year, laCode: laCode.code, skipped: skipped))
    }
}

/// The figures as plain text for the terminal.
enum FiguresText {
    static func render(
        _ report: FiguresReport, monthEnd: CalendarDate, trend: [CalendarDate], academicYear: AcademicYear, laCode: String, skipped: Int
    ) -> String {
        var lines: [String] = []
        guard let figures = report.month(monthEnd) else { return "No figures for \(monthEnd.iso)." }
        let headline = figures.headline
        lines.append("Figures for LA \(laCode) at \(monthEnd.iso)")
        lines.append("  cohort (academic age 16–17, 18–24 with SEND)  \(headline.cohort)")
        lines.append("  EET                 \(headline.eet)")
        lines.append("  NEET                \(headline.neet)  \(figures.neetRate.percent)")
        lines.append("  not known           \(headline.notKnown)  \(figures.notKnownRate.percent)")
        lines.append("  NEET or not known   \(headline.neet + headline.notKnown)  \(figures.neetOrNotKnownRate.percent)")
        lines.append("  other (custody, refugees; outside the cohort)  \(headline.other)")
        if skipped > 0 { lines.append("  records that could not be read (left out)  \(skipped)") }

        lines.append("")
        if let average = report.decemberToFebruaryAverage(forAcademicYear: academicYear) {
            lines.append(String(
                format: "Dec–Feb average %@: NEET %.1f%%, not known %.1f%%, NEET or not known %.1f%%", academicYear.description,
                average.neetPercentage, average.notKnownPercentage, average.neetOrNotKnownPercentage))
        } else {
            lines.append("Dec–Feb average \(academicYear): not available yet")
        }
        let march = FiguresReport.monthEnd(year: academicYear.startYear + 1, month: 3)
        if let participation = report.month(march)?.participation, participation.cohort > 0 {
            let parts = ParticipationPart.allCases.map { "\($0.rawValue) \(participation.rate(of: $0).percent)" }
            lines.append("Participation at \(march.iso) (16–17): \(participation.rate.percent) — " + parts.joined(separator: ", "))
        }
        let guarantee = figures.guarantee.all
        if guarantee.cohort > 0 {
            lines.append(
                "September Guarantee \(figures.guarantee.academicYear): offers made \(guarantee.offerMade) (\(guarantee.offerMadeRate.percent)), "
                    + "not appropriate \(guarantee.offerNotAppropriate), no offer \(guarantee.noOffer), not recorded \(guarantee.notRecorded)")
        }

        lines.append("")
        lines.append("By academic age:")
        for row in figures.byAcademicAge.rows { lines.append(line("\(row.key)", row.counts)) }
        lines.append("By gender:")
        for row in figures.byGender.rows { lines.append(line(row.key.meaning, row.counts)) }
        lines.append("By SEND:")
        for row in figures.bySEND.rows { lines.append(line(row.key.rawValue, row.counts)) }
        lines.append("By vulnerable group:")
        for member in [true, false] {
            lines.append(line(member ? "vulnerable group" : "not in a vulnerable group", figures.byVulnerableGroup[member]))
        }
        lines.append("By ethnic group:")
        for row in figures.byEthnicGroup.rows { lines.append(line(row.key, row.counts)) }
        lines.append("By ward:")
        for row in figures.byWard.rows { lines.append(line(row.key.description, row.counts)) }
        lines.append("By school:")
        for row in figures.bySchool.rows { lines.append(line(row.key.description, row.counts)) }

        lines.append("")
        lines.append("Trend (NEET, not known, NEET or not known):")
        for date in trend {
            guard let month = report.month(date) else { continue }
            lines.append("  \(date.iso)  \(month.neetRate.percent)  \(month.notKnownRate.percent)  \(month.neetOrNotKnownRate.percent)")
        }
        return lines.joined(separator: "\n")
    }

    private static func line(_ label: String, _ counts: StateCounts) -> String {
        "  " + label.padding(toLength: 36, withPad: " ", startingAt: 0)
            + " cohort \(counts.cohort)  NEET \(counts.neetRate.percent)  not known \(counts.notKnownRate.percent)"
    }
}

extension Proportion {
    /// "8.1%", or "–" for an empty denominator.
    var percent: String { percentage == nil ? "–" : percentageText + "%" }
}
