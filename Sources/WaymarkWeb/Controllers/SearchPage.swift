import WaymarkApp
import WaymarkCore
import WaymarkStore

/// The search page: the box, any problem with what was typed, and the ranked results.
struct SearchPage: PageModel {
    static let template = "search"

    struct Frame: Sendable {
        let user: StoredUser
        let csrf: String
        let query: String
    }

    struct Row: Sendable {
        let link: String
        let name: String
        let dateOfBirth: String
        let postcode: String
        let school: String
        let activity: String
        let reasons: String

        init(_ result: PersonSearchResult, showsPostcode: Bool, showsActivityCode: Bool) {
            link = "/people/\(result.id)"
            name = result.name.isEmpty ? "(no name recorded)" : result.name
            dateOfBirth = result.dateOfBirth.flatMap { try? CalendarDate(iso: $0) }?.longDescription ?? result.dateOfBirth ?? "–"
            postcode = showsPostcode ? result.postcode ?? "–" : PersonPage.restricted
            school = result.school ?? "–"
            activity = result.activity.map { showsActivityCode ? "\($0.rawValue) – \($0.meaning)" : $0.group.rawValue.capitalizedFirst }
                ?? "No activity recorded"
            reasons = result.reasons.joined(separator: ", ")
        }
    }

    let title: String
    let userName: String
    let role: String
    let csrf: String
    let query: String
    let problem: String?
    let searched: Bool
    let rows: [Row]
    let hasRows: Bool
    let summary: String
    let moreThanShown: Bool
    let ignored: String?

    init(frame: Frame, outcome: PersonSearchOutcome? = nil, problem: String? = nil) {
        title = problem == nil ? "Find a young person" : "Error: find a young person"
        userName = frame.user.displayName
        role = frame.user.role.displayName
        csrf = frame.csrf
        query = frame.query
        self.problem = problem
        searched = outcome != nil
        rows = outcome.map { outcome in outcome.results.map { Row($0, showsPostcode: outcome.showsPostcode, showsActivityCode: outcome.showsActivityCode) } } ?? []
        hasRows = !rows.isEmpty
        moreThanShown = outcome?.moreThanShown ?? false
        switch rows.count {
        case 0: summary = "Nobody you can see matches. Check the spelling, or search by date of birth, postcode, UPN or ULN."
        case 1: summary = "1 young person found."
        default: summary = moreThanShown ? "The best \(rows.count) matches, best first." : "\(rows.count) young people found, best match first."
        }
        ignored = outcome.flatMap { $0.request.ignored.isEmpty ? nil : $0.request.ignored.joined(separator: ", ") }
    }
}
