import Foundation
import Hummingbird
import WaymarkCore
import WaymarkApp
import WaymarkStore

/// The signed-in home page: the LA's headline counts for today.
struct HomeController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self).get("", use: show)
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        guard let user = context.user, let csrf = context.csrfToken else { return .redirect(to: "/sign-in") }
        let today = CalendarDate.today(from: services.now())
        let counts = try await ParticipationQuery(store: services.store)
            .counts(responsibleLA: services.laCode, on: today, classifier: services.classifier)
        let page = HomePage(
            userName: user.displayName, role: user.role.displayName, csrf: csrf,
            laName: services.registry.name(of: services.laCode) ?? services.laCode.code, laCode: services.laCode.code,
            date: today.longDescription, counts: counts)
        return try templates.render(page)
    }
}

struct HomePage: PageModel {
    static let template = "home"

    struct Figure: Sendable {
        let label: String
        let count: String
        let share: String?
        let hint: String
    }

    let title = "Home"
    let userName: String
    let role: String
    let csrf: String
    let laName: String
    let laCode: String
    let date: String
    let figures: [Figure]
    let held: String

    init(userName: String, role: String, csrf: String, laName: String, laCode: String, date: String, counts: ParticipationCounts) {
        self.userName = userName
        self.role = role
        self.csrf = csrf
        self.laName = laName
        self.laCode = laCode
        self.date = date
        self.held = counts.recordsHeld.formatted()
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

extension CalendarDate {
    /// "25 November 2026".
    var longDescription: String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(day) \(months[month - 1]) \(year)"
    }
}
