import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The view model of the figures page.
struct FiguresPage: PageModel {
    static let template = "figures"

    struct Row: Sendable {
        let label: String
        let cohort: String
        let neet: String
        let notKnown: String
        let neetOrNotKnown: String
    }

    /// A breakdown: its sentence, its chart (SVG) and its table.
    struct Section: Sendable {
        let title: String
        let rows: [Row]
        let summary: String
        let chart: String
        let caption: String

        init(_ title: String, _ entries: [(label: String, counts: StateCounts)], headline: StateCounts, id: String) {
            self.title = title
            rows = entries.map { FiguresPage.row($0.label, $0.counts) }
            let drawn = FiguresCharts.breakdown(title: title, rows: entries, headline: headline, id: id)
            summary = drawn.summary
            chart = drawn.chart.svg
            caption = "NEET and not known " + title.prefix(1).lowercased() + title.dropFirst()
        }
    }

    struct TrendRow: Sendable {
        let month: String
        let cohort: String
        let neet: String
        let notKnown: String
        let neetOrNotKnown: String
    }

    let title = "Figures"
    let userName: String
    let role: String
    let csrf: String
    let laCode: String
    let monthLong: String
    let monthValue: String
    /// The headline and its trend, read from the kept timelines: always there, for any month.
    let headlines: Headlines
    /// Nil until a job has computed them; the page then shows only the job's progress.
    let figures: Computed?
    let job: JobPanel

    init(user: StoredUser, csrf: String, laCode: String, monthEnd: CalendarDate, kept: HeadlineTrend, result: FiguresJobResult?, wards: [WardShape] = [], job: JobPanel) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        self.laCode = laCode
        monthLong = monthEnd.longDescription
        monthValue = String(monthEnd.iso.prefix(7))
        headlines = Headlines(trend: kept, monthEnd: monthEnd)
        figures = result.flatMap { result in
            result.report.month(monthEnd).map { Computed(month: $0, skipped: result.skipped, wards: wards, progress: result.guaranteeProgress) }
        }
        self.job = job
    }
}

extension FiguresPage {
    /// The headline measures and the 24-month trend, from the kept timelines.
    struct Headlines: Sendable {
        let headline: [Row]
        let trend: [TrendRow]
        let trendSummary: String
        let trendChart: String

        init(trend: HeadlineTrend, monthEnd: CalendarDate) {
            headline = [FiguresPage.row("All young people in the cohort", trend.counts(on: monthEnd) ?? StateCounts())]
            self.trend = trend.points.map { point in
                TrendRow(
                    month: point.date.longDescription, cohort: point.counts.cohort.formatted(), neet: FiguresPage.percent(point.counts.neetRate),
                    notKnown: FiguresPage.percent(point.counts.notKnownRate), neetOrNotKnown: FiguresPage.percent(point.counts.neetOrNotKnownRate))
            }
            trendSummary = FiguresCharts.trendSummary(trend, monthEnd: monthEnd)
            trendChart = FiguresCharts.trend(trend, monthEnd: monthEnd).svg
        }
    }

    /// The breakdowns, participation and guarantee as a job computed them.
    struct Computed: Sendable {
        let participation: String
        let parts: [Row]
        let guarantee: String?
        /// Nil in a result computed before progress was kept, or with nobody in the guarantee cohort.
        let guaranteeProgress: FiguresGuarantee?
        let sections: [Section]
        let skipped: Int?
        /// Nil until the LA has loaded its wards (`waymark geography import`).
        let wardMap: FiguresWardMap?

        init(month: MonthFigures, skipped: Int, wards: [WardShape] = [], progress: GuaranteeProgress? = nil) {
            guaranteeProgress = progress.flatMap(FiguresGuarantee.init)
            participation = FiguresPage.percent(month.participation.rate)
            parts = ParticipationPart.allCases.map { part in
                Row(label: part.rawValue.capitalisedFirst, cohort: month.participation.count(part).formatted(),
                    neet: FiguresPage.percent(month.participation.rate(of: part)), notKnown: "", neetOrNotKnown: "")
            }
            let offers = month.guarantee.all
            guarantee = offers.cohort == 0 ? nil
                : "\(offers.offerMade.formatted()) offers made of \(offers.cohort.formatted()) (\(FiguresPage.percent(offers.offerMadeRate))); "
                    + "\(offers.offerNotAppropriate) not appropriate, \(offers.noOffer) no offer, \(offers.notRecorded) not recorded"
            let all = month.headline
            sections = [
                Section("By academic age", month.byAcademicAge.rows.map { ("\($0.key)", $0.counts) }, headline: all, id: "age-chart"),
                Section("By gender", month.byGender.rows.map { ($0.key.meaning, $0.counts) }, headline: all, id: "gender-chart"),
                Section("By SEND", month.bySEND.rows.map { ($0.key.rawValue.capitalisedFirst, $0.counts) }, headline: all, id: "send-chart"),
                Section("By vulnerable group", [
                    ("In a vulnerable group", month.byVulnerableGroup[true]), ("Not in a vulnerable group", month.byVulnerableGroup[false]),
                ], headline: all, id: "vulnerable-chart"),
                Section("By ethnic group", month.byEthnicGroup.rows.map { ($0.key, $0.counts) }, headline: all, id: "ethnic-chart"),
                Section("By ward", month.byWard.rows.map { ($0.key.description, $0.counts) }, headline: all, id: "ward-chart"),
                Section("By school attended in Year 11", month.bySchool.rows.map { ($0.key.description, $0.counts) }, headline: all, id: "school-chart"),
            ]
            self.skipped = skipped > 0 ? skipped : nil
            wardMap = FiguresWardMap(wards: wards, byWard: month.byWard.rows.map { ($0.key.description, $0.counts) }, headline: all)
        }
    }

    static func row(_ label: String, _ counts: StateCounts) -> Row {
        Row(label: label, cohort: counts.cohort.formatted(), neet: percent(counts.neetRate), notKnown: percent(counts.notKnownRate),
            neetOrNotKnown: percent(counts.neetOrNotKnownRate))
    }

    static func percent(_ proportion: Proportion) -> String {
        proportion.percentage == nil ? "–" : proportion.percentageText + "%"
    }
}

/// The view model of the Annual Activity Survey page.
struct SurveyPage: PageModel {
    static let template = "activity-survey"

    struct SchoolRow: Sendable {
        let name: String
        let link: String?
        let cells: [String]
        let total: String
    }

    struct Person: Sendable {
        let youngPersonsID: String
        let name: String
        let destination: String
        let code: String
    }

    let title = "Annual Activity Survey"
    let userName: String
    let role: String
    let csrf: String
    let laCode: String
    let year: Int
    let previousYear: String
    let headings: [String]
    let schools: [SchoolRow]
    let school: String?
    let people: [Person]
    let hasPeople: Bool
    /// Nil until a job has computed the survey; the page then shows only the job's progress.
    let hasResult: Bool
    let job: JobPanel

    init(user: StoredUser, csrf: String, laCode: String, year: Int, result: ActivitySurveyResult?, school: String?, mayName: Bool = true, job: JobPanel) {
        self.job = job
        hasResult = result != nil
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        self.laCode = laCode
        self.year = year
        previousYear = "\(year - 1)/\(String(year).suffix(2))"
        headings = SurveyDestination.allCases.map { $0.rawValue.capitalisedFirst }
        func cells(_ counts: DestinationCounts) -> [String] {
            SurveyDestination.allCases.map { "\(counts.count($0)) (\(FiguresPage.percent(counts.share($0))))" }
        }
        guard let result else {
            schools = []
            self.school = school
            people = []
            hasPeople = false
            return
        }
        schools = result.summary.schools.map { entry in
            let link: String? = if mayName, case .named(let name) = entry.school {
                "/activity-survey?year=\(year)&school=\(name.addingPercentEncodingForQuery)"
            } else { nil }
            return SchoolRow(name: entry.school.description, link: link, cells: cells(entry.destinations), total: entry.total.formatted())
        } + [SchoolRow(name: "All schools", link: nil, cells: cells(result.summary.allSchools), total: result.summary.allSchools.total.formatted())]
        self.school = school
        people = result.rows.filter { result.names[$0.row.personID] != nil }.map { entry in
            Person(
                youngPersonsID: entry.youngPersonsID, name: result.names[entry.row.personID] ?? "",
                destination: entry.row.destination.rawValue.capitalisedFirst, code: entry.row.activityCode.map { String($0.rawValue) } ?? "–")
        }
        hasPeople = !people.isEmpty
    }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }

    var addingPercentEncodingForQuery: String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return addingPercentEncoding(withAllowedCharacters: allowed) ?? self
    }
}
