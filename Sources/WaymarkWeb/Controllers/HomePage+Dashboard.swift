import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The home page's dashboard: a few numbers for the role, each with its
/// twelve-month sparkline, its change since last week and a link to its list.
/// Everything comes from the kept timelines (no LA-wide work per request) and
/// is computed for this user alone (nothing cached across users).
extension HomePage {
    struct Tile: Sendable {
        let id: String
        let label: String
        /// "5.2%" or "1,234".
        let value: String
        /// "1,234 young people" under a rate; nil under a count.
        let detail: String?
        /// "Up 12 since last week (from 1,222)".
        let change: String
        /// The number itself opens this list: it is the list's length (or the figures page it comes from).
        var link: String?
        /// A related list whose length is not the number, linked by its own name beside it.
        var related: String?
        var relatedText = ""
        let sparkline: String
    }

    struct ComparatorRow: Sendable {
        let measure: String
        let la: String
        let cells: [String]
    }

    struct AdviserLine: Sendable {
        let name: String
        let caseload: String
        let contacts: String
        let contactsLink: String
        /// "12 (40.0%)": young people on the caseload contacted this month, and their share of it.
        let contactRate: String
        let diaryLink: String
        let neetNoContact: String
        let neetNoContactLink: String
        let overdue: String
        let overdueLink: String
        let missed: String
        let missedLink: String
        let neet: String
        let neetChange: String
        let eet: String
        let caseloadLink: String
        let sparkline: String
    }

    mutating func showLADashboard(_ dashboard: LADashboard, mayOpenQueues: Bool) {
        hasLADashboard = true
        let counts = dashboard.counts, before = dashboard.weekAgo
        let labels = dashboard.months.map { "\($0.date.monthName.prefix(3)) \($0.date.year)" }
        func line(_ title: String, _ id: String, _ rate: (StateCounts) -> Proportion) -> String {
            Sparkline(title: "\(title), the last twelve month ends", labels: labels, values: dashboard.months.map { rate($0.counts).percentage },
                      format: { String(format: "%.1f%%", $0) }, id: id).svg
        }
        let lastMonth = dashboard.months.last.map { String($0.date.iso.prefix(7)) } ?? ""
        let figuresLink = Paths.figures + (lastMonth.isEmpty ? "" : "?month=\(lastMonth)")
        laTiles = [
            Tile(id: "la-neet", label: "NEET", value: FiguresPage.percent(counts.neetRate), detail: "\(counts.neet.formatted()) young people",
                 change: Self.change(counts.neet, before.neet), link: figuresLink,
                 sparkline: line("NEET", "spark-la-neet", \.neetRate)),
            Tile(id: "la-not-known", label: "Not known", value: FiguresPage.percent(counts.notKnownRate), detail: "\(counts.notKnown.formatted()) young people",
                 change: Self.change(counts.notKnown, before.notKnown),
                 link: mayOpenQueues ? Paths.queues + "?queue=not-known" : figuresLink,
                 sparkline: line("Not known", "spark-la-not-known", \.notKnownRate)),
            Tile(id: "la-either", label: "NEET or not known", value: FiguresPage.percent(counts.neetOrNotKnownRate),
                 detail: "\((counts.neet + counts.notKnown).formatted()) young people", change: Self.change(counts.neet + counts.notKnown, before.neet + before.notKnown),
                 link: figuresLink, sparkline: line("NEET or not known", "spark-la-either", \.neetOrNotKnownRate)),
        ]
        laCohort = counts.cohort.formatted()
        let measures: [(ComparatorFigure.Measure, String, Proportion)] = [
            (.neet, "NEET", counts.neetRate), (.notKnown, "Not known", counts.notKnownRate), (.neetOrNotKnown, "NEET or not known", counts.neetOrNotKnownRate),
        ]
        let areas = ComparatorFigure.Area.allCases.filter { area in dashboard.comparators.contains { $0.area == area } }
        comparatorHeadings = areas.map { area in
            let name = dashboard.comparators.first { $0.area == area }?.areaName ?? area.meaning
            return name == area.meaning ? name : "\(area.meaning) (\(name))"
        }
        comparatorRows = measures.map { measure, label, rate in
            ComparatorRow(measure: label, la: FiguresPage.percent(rate), cells: areas.map { area in
                dashboard.comparators.first { $0.area == area && $0.measure == measure }
                    .map { String(format: "%.1f%%", $0.percentage) + " (\($0.monthEnd.monthName.prefix(3)) \($0.monthEnd.year))" } ?? "–"
            })
        }
        hasComparators = !areas.isEmpty
    }

    mutating func showOutcomes(_ outcomes: CaseloadOutcomes) {
        hasOutcomes = true
        let now = outcomes.now, before = outcomes.weekAgo
        let labels = outcomes.monthEnds.map { "\($0.monthName.prefix(3)) \($0.year)" }
        func line(_ title: String, _ id: String, _ count: @escaping (StateCounts) -> Int) -> String {
            Sparkline(title: "\(title) on my caseload, the last twelve month ends", labels: labels, values: outcomes.months.map { Double(count($0)) },
                      format: { String(Int($0)) }, id: id).svg
        }
        outcomeTiles = [
            Tile(id: "my-neet", label: "NEET on my caseload", value: now.neet.formatted(), detail: nil, change: Self.change(now.neet, before.neet),
                 related: "/my-work/neet-no-contact", relatedText: WorkList.neetNoContact.title, sparkline: line("NEET", "spark-my-neet", \.neet)),
            Tile(id: "my-not-known", label: "Not known on my caseload", value: now.notKnown.formatted(), detail: nil,
                 change: Self.change(now.notKnown, before.notKnown), related: "/my-work/lapsing", relatedText: WorkList.lapsing.title,
                 sparkline: line("Not known", "spark-my-not-known", \.notKnown)),
            Tile(id: "my-eet", label: "In education, employment or training", value: now.eet.formatted(), detail: nil, change: Self.change(now.eet, before.eet),
                 sparkline: line("EET", "spark-my-eet", \.eet)),
        ]
    }

    mutating func showTeamDashboard(_ lines: [AdviserDashboard]) {
        hasTeamDashboard = true
        let charts = TeamCharts(lines.map(\.workload))
        teamCharts = [charts.caseload, charts.contactRate]
        adviserLines = lines.map { line in
            let id = line.workload.id
            let outcomes = line.outcomes
            let labels = outcomes.monthEnds.map { "\($0.monthName.prefix(3)) \($0.year)" }
            return AdviserLine(
                name: line.workload.displayName + (line.workload.disabled ? " (disabled)" : ""),
                caseload: line.workload.caseload.formatted(), contacts: line.workload.contactsThisMonth.formatted(),
                contactsLink: "/team/\(id)?show=contacts",
                contactRate: line.workload.caseload == 0 ? "–"
                    : "\(line.workload.caseloadContacted.formatted()) (\(TeamCharts.percent(TeamCharts.rate(line.workload) ?? 0)))",
                diaryLink: Paths.diary + "?adviser=\(id)",
                neetNoContact: line.neetNoContact.formatted(), neetNoContactLink: "/team/\(id)?show=\(WorkList.neetNoContact.rawValue)",
                overdue: line.followUpsOverdue.formatted(), overdueLink: "/team/\(id)?show=\(WorkList.followUpsOverdue.rawValue)",
                missed: line.missedAppointments.formatted(), missedLink: "/team/\(id)?show=\(WorkList.missedAppointment.rawValue)",
                neet: outcomes.now.neet.formatted(), neetChange: Self.change(outcomes.now.neet, outcomes.weekAgo.neet, short: true),
                eet: outcomes.now.eet.formatted(), caseloadLink: "/team/\(id)",
                sparkline: Sparkline(title: "NEET on the caseload of \(line.workload.displayName), the last twelve month ends", labels: labels,
                                     values: outcomes.months.map { Double($0.neet) }, format: { String(Int($0)) }, id: "spark-team-\(id)").svg)
        }
    }

    /// "Up 12 since last week (from 1,222)", "Down 3 …", "No change since last week".
    static func change(_ now: Int, _ before: Int, short: Bool = false) -> String {
        let difference = now - before
        if difference == 0 { return short ? "no change" : "No change since last week" }
        let word = difference > 0 ? "Up" : "Down"
        return short ? "\(word.lowercased()) \(abs(difference).formatted())" : "\(word) \(abs(difference).formatted()) since last week (from \(before.formatted()))"
    }
}
