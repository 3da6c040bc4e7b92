import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// "12.5%", or a dash when there is nothing to divide.
func riskPercent(_ value: Double?) -> String {
    value.map { String(format: "%.1f%%", $0 * 100) } ?? "–"
}

struct RiskSettingsPage: PageModel {
    static let template = "risk-settings"

    struct Field: Sendable {
        let name: String
        let label: String
        let hint: String
        let value: String
        let isDefault: Bool
        let defaultValue: String
    }

    struct Problem: Sendable {
        let anchor: String
        let message: String
    }

    struct Version: Sendable {
        let when: String
        let reason: String
    }

    let title = "Risk of NEET: settings"
    let userName: String
    let role: String
    let csrf: String
    let saved: Bool
    let usesDefault: Bool
    let weights: [Field]
    let thresholds: [Field]
    let reason: String
    let history: [Version]
    let hasHistory: Bool
    var problems: [Problem] = []
    var hasProblems = false

    init(user: StoredUser, csrf: String, view: RiskSettingsView, saved: Bool, shown: RiskSettings? = nil, entered: [String: String] = [:]) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        self.saved = saved
        usesDefault = view.current == nil
        let settings = shown ?? view.settings
        let standard = RiskSettings.standard
        func value(_ name: String, _ text: String) -> String { entered[name] ?? text }
        weights = RiskIndicator.allCases.map { indicator in
            let name = "weight-\(indicator.rawValue)"
            return Field(
                name: name, label: indicator.title, hint: indicator.rule(settings), value: value(name, String(settings.weight(indicator))),
                isDefault: settings.weight(indicator) == standard.weight(indicator), defaultValue: String(standard.weight(indicator)))
        }
        func field(_ name: String, _ label: String, _ hint: String, _ current: String, _ standardValue: String) -> Field {
            Field(name: name, label: label, hint: hint, value: value(name, current), isDefault: current == standardValue, defaultValue: standardValue)
        }
        thresholds = [
            field("attendanceThreshold", "Attendance threshold (%)", "Attendance below this is low attendance.",
                  RiskText.number(settings.attendanceThreshold), RiskText.number(standard.attendanceThreshold)),
            field("persistentAbsenceThreshold", "Persistent absence threshold (%)", "Attendance below this is persistent absence (DfE: 90).",
                  RiskText.number(settings.persistentAbsenceThreshold), RiskText.number(standard.persistentAbsenceThreshold)),
            field("lowAttainment8", "Low attainment: Attainment 8 below", "Before key stage 4 results, key stage 2 not met counts instead.",
                  RiskText.number(settings.lowAttainment8), RiskText.number(standard.lowAttainment8)),
            field("schoolMovesThreshold", "Moves of school", "This many moves (or more) in the years looked back count.",
                  String(settings.schoolMovesThreshold), String(standard.schoolMovesThreshold)),
            field("lookbackYears", "Years to look back", "For suspensions, exclusions and moves of school.",
                  String(settings.lookbackYears), String(standard.lookbackYears)),
            field("mediumFrom", "Medium risk from (points)", "A score this high or higher puts a pupil on their school's list.",
                  String(settings.mediumFrom), String(standard.mediumFrom)),
            field("highFrom", "High risk from (points)", "Must be higher than medium.", String(settings.highFrom), String(standard.highFrom)),
            field("refreshDays", "Refresh every (days)", "Every score is worked out again this often, and whenever the settings are saved.",
                  String(settings.refreshDays), String(standard.refreshDays)),
        ]
        reason = entered["reason"] ?? ""
        history = view.history.map { Version(when: $0.recordedAt, reason: $0.reason ?? "") }
        hasHistory = !history.isEmpty
    }
}

struct RiskBackTestPage: PageModel {
    static let template = "risk-back-test"

    struct Row: Sendable {
        let label: String
        let people: String
        let neet: String
        let rate: String
        let flagged: String
        let precision: String
        let recall: String

        init(_ label: String, _ counts: BackTestCounts) {
            self.label = label
            people = counts.people.formatted()
            neet = counts.neet.formatted()
            rate = riskPercent(counts.rate)
            flagged = counts.flagged.formatted()
            precision = riskPercent(counts.precision)
            recall = riskPercent(counts.recall)
        }
    }

    struct Group: Sendable {
        let name: String
        let rows: [Row]
    }

    struct IndicatorRow: Sendable {
        let label: String
        let withPeople: String
        let withRate: String
        let withoutRate: String
    }

    struct Age: Sendable {
        let age: Int
        let overall: Row
        let bands: [Row]
        let scores: [Row]
        let groups: [Group]
        let indicators: [IndicatorRow]
        let chart: String
    }

    let title = "Risk of NEET: back-test"
    let userName: String
    let role: String
    let csrf: String
    let job: JobPanel
    let hasResult: Bool
    let settingsChangedSince: Bool
    let cohorts: String
    let unknownOutcome: String
    let ages: [Age]

    init(user: StoredUser, csrf: String, view: BackTestView) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        job = JobPanel(view.job, work: "back-testing the score on past Year 11 pupils", result: "Back-test", refreshURL: Paths.riskBackTest)
        settingsChangedSince = view.settingsChangedSince
        let result = view.result
        hasResult = result != nil
        cohorts = result.map { $0.cohorts.map { "\($0)/\(String(format: "%02d", ($0 + 1) % 100))" }.joined(separator: ", ") } ?? ""
        unknownOutcome = (result?.unknownOutcome ?? 0).formatted()
        ages = result.map { result in
            [result.age16, result.age17].map { age in
                let bands = age.bands.map { Row($0.label, $0.counts) }
                // Tenths of a percent: the chart draws whole numbers, scaled to the largest.
                let chart = BarChart(
                    title: "Observed NEET rate at \(age.age) by risk band",
                    summary: "The share of past Year 11 pupils in each band who were NEET at \(age.age); the same numbers are in the table below.",
                    bars: age.bands.map {
                        BarChart.Bar(label: "\($0.label) risk", value: Int((($0.counts.rate ?? 0) * 1000).rounded()), valueText: riskPercent($0.counts.rate))
                    },
                    id: "band-rate-\(age.age)").svg
                return Age(
                    age: age.age, overall: Row("All", age.overall), bands: bands, scores: age.scores.map { Row($0.label, $0.counts) },
                    groups: BackTestResult.groupNames.map { name in Group(name: name, rows: (age.groups[name] ?? []).map { Row($0.label, $0.counts) }) },
                    indicators: age.indicators.map { row in
                        IndicatorRow(label: row.indicator.title, withPeople: row.with.people.formatted(), withRate: riskPercent(row.with.rate),
                                     withoutRate: riskPercent(row.without.rate))
                    }, chart: chart)
            }
        } ?? []
    }
}

struct RiskTransparencyPage: PageModel {
    static let template = "risk-transparency"

    struct Section: Sendable {
        let heading: String
        let paragraphs: [String]
        let hasTable: Bool
        let headers: [String]
        let rows: [[String]]
    }

    let title = "Risk of NEET: transparency record"
    let userName: String
    let role: String
    let csrf: String
    let recordTitle: String
    let sections: [Section]

    init(user: StoredUser, csrf: String, record: TransparencyRecord) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        recordTitle = record.title
        sections = record.sections.map {
            Section(heading: $0.heading, paragraphs: $0.paragraphs, hasTable: $0.table != nil, headers: $0.table?.headers ?? [], rows: $0.table?.rows ?? [])
        }
    }
}

struct RiskSchoolsPage: PageModel {
    static let template = "risk-schools"

    struct School: Sendable {
        let name: String
        let href: String
        let pupils: String
        let medium: String
        let high: String
    }

    let title = "Risk of NEET: schools"
    let userName: String
    let role: String
    let csrf: String
    let schools: [School]
    let hasSchools: Bool

    init(user: StoredUser, csrf: String, schools: [RiskSchoolSummary]) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        self.schools = schools.map {
            School(name: $0.name, href: Paths.riskSchool($0.schoolID), pupils: $0.pupils.formatted(), medium: $0.medium.formatted(), high: $0.high.formatted())
        }
        hasSchools = !schools.isEmpty
    }
}

struct RiskListPage: PageModel {
    static let template = "risk-list"

    struct Reason: Sendable {
        let title: String
        let evidence: String
        let points: Int
    }

    struct Entry: Sendable {
        let id: Int64
        let name: String
        let href: String?
        let yearGroup: Int
        let points: Int
        let band: String
        let bandClass: String
        let reasons: [Reason]
        /// Any reason to list (a score of 0 has none).
        let hasAnyReason: Bool
        let onList: Bool
        let changeText: String?
        let action: String
        let actionLabel: String
        let actionURL: String
    }

    let title: String
    let userName: String
    let role: String
    let csrf: String
    let schoolName: String
    let portal: Bool
    let mayChange: Bool
    let scoredOn: String?
    let mediumFrom: Int
    let highFrom: Int
    let onList: [Entry]
    let others: [Entry]
    let onListCount: String
    let pupilCount: String
    var notice: String?
    var downloads: DownloadLinks?

    init(user: StoredUser, csrf: String, list: RiskSchoolList, grant: AccessGrant, portal: Bool) {
        title = "Risk of NEET: \(list.schoolName)"
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        schoolName = list.schoolName
        self.portal = portal
        let mayChange = portal && grant.allows(.postPupilInformation)
        self.mayChange = mayChange
        scoredOn = list.scoredOn?.longDescription
        mediumFrom = list.settings.mediumFrom
        highFrom = list.settings.highFrom
        let entries = list.entries.map { entry in
            let changeText = entry.change.map { change in
                "\(change.action == .add ? "Added to" : "Taken off") the list by the school on \(String(change.recordedAt.prefix(10))): \(change.reason)"
            }
            return Entry(
                id: entry.personID, name: entry.name, href: portal ? Paths.portalPupil(entry.personID) : "/people/\(entry.personID)",
                yearGroup: entry.yearGroup, points: entry.points, band: entry.band.title, bandClass: "band band--\(entry.band.rawValue)",
                reasons: entry.reasons.map { Reason(title: $0.indicator.title, evidence: $0.evidence, points: $0.points) },
                hasAnyReason: !entry.reasons.isEmpty, onList: entry.onList, changeText: changeText,
                action: entry.onList ? "remove" : "add", actionLabel: entry.onList ? "Take off the list" : "Add to the list",
                actionURL: "/portal/risk/\(entry.personID)")
        }
        onList = entries.filter(\.onList)
        others = entries.filter { !$0.onList }
        onListCount = onList.count.formatted()
        pupilCount = entries.count.formatted()
    }
}
