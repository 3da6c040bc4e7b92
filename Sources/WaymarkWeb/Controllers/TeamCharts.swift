import Foundation
import WaymarkRecords

/// The manager's two pictures of the team, beside the team table: caseload
/// size and contact rate per adviser, each sorted highest first with the
/// team's own figure drawn across the bars. Made from the same workloads as
/// the table, so the bars and the table can never disagree.
struct TeamCharts: Sendable {
    /// One chart with the sentence written before it.
    struct Drawn: Sendable {
        let heading: String
        let summary: String
        let svg: String
    }

    let caseload: Drawn
    let contactRate: Drawn

    /// Advisers whose account is disabled are left out: they hold no caseload
    /// to compare, and would pull the team's average down.
    init(_ workloads: [AdviserWorkload]) {
        let active = workloads.filter { !$0.disabled }
        caseload = Self.caseload(active)
        contactRate = Self.contactRate(active)
    }

    static func caseload(_ advisers: [AdviserWorkload]) -> Drawn {
        let average = advisers.isEmpty ? nil : Double(advisers.map(\.caseload).reduce(0, +)) / Double(advisers.count)
        // The bar's text is the number alone, so it fits beside the longest bar on a phone; the sentence says what it counts.
        let bars = advisers.map { RankedBarChart.Bar(label: $0.displayName, percentage: Double($0.caseload), valueText: $0.caseload.formatted()) }
        let sorted = advisers.sorted { ($0.caseload, $1.displayName) > ($1.caseload, $0.displayName) }
        let summary: String
        if let largest = sorted.first, let smallest = sorted.last, let average {
            if largest.caseload == smallest.caseload {
                summary = sorted.count == 1 ? "\(largest.displayName) holds \(people(largest.caseload))."
                    : "Each of the \(sorted.count) advisers holds \(people(largest.caseload))."
            } else {
                summary = "Largest caseload \(largest.displayName), \(people(largest.caseload)); smallest \(smallest.displayName), \(people(smallest.caseload)); "
                    + "the team average is \(one(average)) across \(sorted.count) advisers."
            }
        } else {
            summary = "No personal adviser in the team holds a caseload."
        }
        let chart = RankedBarChart(
            title: "Caseload size by personal adviser (young people)", summary: summary, bars: bars, average: average,
            averageText: average.map { "Team average " + one($0) } ?? "", id: "team-caseload-chart")
        return Drawn(heading: "Caseload size", summary: summary, svg: chart.svg)
    }

    static func contactRate(_ advisers: [AdviserWorkload]) -> Drawn {
        let held = advisers.map(\.caseload).reduce(0, +)
        let contacted = advisers.map(\.caseloadContacted).reduce(0, +)
        // The team's rate is of everyone held, so a large caseload counts for what it holds.
        let team = held == 0 ? nil : Double(contacted) / Double(held) * 100
        let bars = advisers.map { adviser in
            RankedBarChart.Bar(label: adviser.displayName, percentage: rate(adviser), valueText: short(adviser))
        }
        let measured = advisers.filter { $0.caseload > 0 }.sorted { (rate($0) ?? 0, $1.displayName) > (rate($1) ?? 0, $0.displayName) }
        let summary: String
        if let highest = measured.first, let lowest = measured.last, let team {
            let teamText = "the team's rate is \(percent(team)), \(contacted.formatted()) of \(held.formatted())"
            if rate(highest) == rate(lowest) {
                summary = measured.count == 1 ? "\(highest.displayName) has contacted \(long(highest)) of their caseload this month; \(teamText)."
                    : "Each of the \(measured.count) advisers has contacted \(percent(rate(highest) ?? 0)) of their caseload this month; \(teamText)."
            } else {
                summary = "Highest \(highest.displayName), \(long(highest)); lowest \(lowest.displayName), \(long(lowest)) of their caseload contacted this month; \(teamText)."
            }
        } else {
            summary = "No personal adviser in the team holds a caseload, so there is no contact rate."
        }
        let chart = RankedBarChart(
            title: "Share of each caseload contacted this month", summary: summary, bars: bars, average: team,
            averageText: team.map { "Team \(percent($0))" } ?? "", id: "team-contact-chart")
        return Drawn(heading: "Contact rate this month", summary: summary, svg: chart.svg)
    }

    /// "35.0% of 60", short enough to follow the longest bar on a phone.
    static func short(_ adviser: AdviserWorkload) -> String {
        rate(adviser).map { "\(percent($0)) of \(adviser.caseload.formatted())" } ?? "no caseload"
    }

    /// "35.0% (21 of 60)", for the sentence.
    static func long(_ adviser: AdviserWorkload) -> String {
        "\(percent(rate(adviser) ?? 0)) (\(adviser.caseloadContacted.formatted()) of \(adviser.caseload.formatted()))"
    }

    /// Young people on the caseload with any contact this month, as a percentage; nil with no caseload.
    static func rate(_ adviser: AdviserWorkload) -> Double? {
        adviser.caseload == 0 ? nil : Double(adviser.caseloadContacted) / Double(adviser.caseload) * 100
    }

    static func people(_ count: Int) -> String { count == 1 ? "1 young person" : "\(count.formatted()) young people" }
    static func one(_ value: Double) -> String { String(format: "%.1f", value) }
    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value) }
}
