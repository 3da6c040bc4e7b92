import Foundation
import FoundationInternationalization
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The home page's view model; each section is filled only for roles that have it.
struct HomePage: PageModel {
    static let template = "home"

    struct Figure: Sendable {
        let label: String
        let count: String
        let share: String?
        let hint: String
    }

    struct Count: Sendable {
        let label: String
        /// As shown: "1,234".
        let count: String
        let link: String
    }

    struct Adviser: Sendable {
        let name: String
        let caseload: String
        let contacts: String
        let caseloadLink: String
        let contactsLink: String
        let diaryLink: String
    }

    let title = "Home"
    let userName: String
    let role: String
    let csrf: String
    let laName: String
    let laCode: String
    let date: String
    let isAdministrator: Bool
    var hasWork = false
    var caseloadSize = 0
    /// "young person" or "young people", after the size (stored: the template sees stored properties only).
    var caseloadNoun = "young people"
    var needsMe: [Count] = []
    var tiers: [Count] = []
    var hasTeam = false
    var team: [Adviser] = []
    /// The team table's downloads.
    var downloads: DownloadLinks?
    var hasNotices = false
    var notices: [NoticeView] = []
    /// Referrals the user made that another service moved in the last week.
    var referralNews: [ReferralNewsView] = []
    var hasReferralNews = false
    /// Referrals waiting past their timer on the user, who was reminded (an e-mail queued too).
    var referralReminders: [ReferralNewsView] = []
    var hasReferralReminders = false
    var hasCounts = false
    var figures: [Figure] = []
    var held = ""
    var countedAt = ""
    var hasLADashboard = false
    var laTiles: [Tile] = []
    var laCohort = ""
    var hasComparators = false
    var comparatorHeadings: [String] = []
    var comparatorRows: [ComparatorRow] = []
    var hasOutcomes = false
    var outcomeTiles: [Tile] = []
    var hasTeamDashboard = false
    var adviserLines: [AdviserLine] = []
    /// Caseload size and contact rate by adviser, drawn from the same lines as the table.
    var teamCharts: [TeamCharts.Drawn] = []

    /// The page's one h1, named after the first section this role sees
    /// (stored, not computed: templates read stored properties only).
    var heading: String
    var countsNeedHeading = false

    init(user: StoredUser, csrf: String, laName: String, laCode: String, date: String) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        self.laName = laName
        self.laCode = laCode
        self.date = date
        isAdministrator = AccessPolicy.allows(user.role, .manageUsers)
        heading = isAdministrator ? "Administration" : "Your pupils"
    }

    mutating func showWork(_ work: WorkToday) {
        hasWork = true
        heading = "My work today"
        caseloadSize = work.caseloadSize
        caseloadNoun = work.caseloadSize == 1 ? "young person" : "young people"
        needsMe = WorkList.needsMe.map { Count(label: $0.title, count: work.items($0).count.formatted(), link: "/my-work/\($0.rawValue)") }
        tiers = WorkList.tiers.map { Count(label: $0.title, count: work.items($0).count.formatted(), link: "/my-work/\($0.rawValue)") }
    }

    mutating func showTeam(_ workloads: [AdviserWorkload]) {
        hasTeam = true
        downloads = DownloadLinks(path: "/")
        if !hasWork { heading = "My team" }
        team = workloads.map {
            Adviser(name: $0.displayName + ($0.disabled ? " (disabled)" : ""), caseload: $0.caseload.formatted(), contacts: $0.contactsThisMonth.formatted(),
                    caseloadLink: "/team/\($0.id)", contactsLink: "/team/\($0.id)?show=contacts", diaryLink: Paths.diary + "?adviser=\($0.id)")
        }
    }

    mutating func showCounts(_ counts: ParticipationCounts, countedAt: String) {
        hasCounts = true
        self.countedAt = countedAt
        countsNeedHeading = hasWork || hasTeam
        if !countsNeedHeading { heading = "Young people today" }
        held = counts.recordsHeld.formatted()
        func share(_ value: Int) -> String { String(format: "%.1f%%", counts.percentage(value)) }
        figures = [
            Figure(label: "Cohort (academic age 16–17, and 18–24 with SEND)", count: counts.cohort.formatted(), share: nil,
                   hint: "The denominator: custody and refugees are left out"),
            Figure(label: "In education, employment or training", count: counts.eet.formatted(), share: share(counts.eet), hint: "With a current record"),
            Figure(label: "NEET", count: counts.neet.formatted(), share: share(counts.neet), hint: "Including lapsed NEET records"),
            Figure(label: "Not known", count: counts.notKnown.formatted(), share: share(counts.notKnown),
                   hint: "Recorded as not known, lapsed, or nothing recorded"),
            Figure(label: "NEET or not known", count: (counts.neet + counts.notKnown).formatted(), share: share(counts.neet + counts.notKnown),
                   hint: "The headline measure"),
            Figure(label: "Year 11", count: counts.year11.formatted(), share: nil, hint: "Tracked, not yet in the cohort"),
        ]
    }
}
