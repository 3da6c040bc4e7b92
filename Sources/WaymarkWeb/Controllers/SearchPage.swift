import Foundation
import Mustache
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The search page: the box, any problem with what was typed, and the ranked
/// results as a compact table, a page at a time.
struct SearchPage: PageModel {
    static let template = "search"

    struct Frame: Sendable {
        let user: StoredUser
        let csrf: String
        let query: String
        let today: CalendarDate
    }

    struct Row: Sendable, MustacheParent {
        let link: String
        let name: String
        let dateOfBirth: String
        let age: String
        let postcode: String
        let ward: String?
        let school: String
        let activity: String
        let adviser: String
        /// How the person matched, when it was not simply what was typed: "nickname", "similar name", "former name"…
        let reasons: String?

        /// Matches that say nothing the searcher does not know: an exact name, date, postcode or number.
        static let plainReasons: Set<String> = ["name", "date of birth", "postcode", "postcode area", "UPN", "ULN"]

        /// The row's fields by name, as the template reads them: a results
        /// page asks for ten fields of up to fifty rows, and reflecting each
        /// row to find them was a tenth of the page's CPU at 250,000 people.
        /// `SearchRowFieldsTests` checks this agrees with the row's own fields.
        func child(named name: String) -> Any? {
            switch name {
            case "link": link
            case "name": self.name
            case "dateOfBirth": dateOfBirth
            case "age": age
            case "postcode": postcode
            case "ward": ward
            case "school": school
            case "activity": activity
            case "adviser": adviser
            case "reasons": reasons
            default: nil
            }
        }

        init(_ result: PersonSearchResult, showsPostcode: Bool, showsActivityCode: Bool, today: CalendarDate) {
            link = Paths.person(result.id)
            name = result.name.isEmpty ? "(no name recorded)" : result.name
            let born = result.dateOfBirth.flatMap { try? CalendarDate(iso: $0) }
            dateOfBirth = born?.longDescription ?? result.dateOfBirth ?? "–"
            age = born.map { String($0.completedYears(to: today)) } ?? "–"
            postcode = showsPostcode ? result.postcode ?? "–" : PersonPage.restricted
            ward = showsPostcode ? result.ward : nil
            school = result.school ?? "–"
            activity = result.activity.map { showsActivityCode ? "\($0.rawValue) – \($0.meaning)" : $0.group.rawValue.capitalizedFirst }
                ?? "No activity recorded"
            adviser = result.adviser ?? "–"
            reasons = result.reasons.contains { !Self.plainReasons.contains($0) } ? result.reasons.joined(separator: ", ") : nil
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
    /// "No young person matches …" and what to try instead, when nothing was found.
    let noMatch: String?
    let pageNumbers: PageNumbers
    /// A notice when so many fit that the search should be narrowed.
    let narrow: String?
    let ignored: String?
    /// "Add a young person" is offered to those who may add one.
    let mayAddPeople: Bool

    init(frame: Frame, outcome: PersonSearchOutcome? = nil, problem: String? = nil) {
        title = problem == nil ? "Find a young person" : "Error: find a young person"
        userName = frame.user.displayName
        role = frame.user.role.displayName
        csrf = frame.csrf
        mayAddPeople = AccessPolicy.allows(frame.user.role, .addPeople)
        query = frame.query
        self.problem = problem
        searched = outcome != nil
        rows = outcome.map { outcome in
            outcome.results.map { Row($0, showsPostcode: outcome.showsPostcode, showsActivityCode: outcome.showsActivityCode, today: frame.today) }
        } ?? []
        hasRows = !rows.isEmpty
        let typed = frame.query.trimmingCharacters(in: .whitespaces)
        noMatch = outcome != nil && rows.isEmpty ? "No young person matches ‘\(typed)’." : nil
        pageNumbers = PageNumbers(
            outcome?.paging ?? Paging(total: 0, size: 1), page: outcome?.page ?? 1, one: "young person found", many: "young people found",
            moreThanTotal: outcome?.totalIsCapped ?? false
        ) { page in Paths.search(query: typed, page: page) }
        let howMany = outcome.map { ($0.totalIsCapped ? "More than " : "") + $0.total.formatted() } ?? ""
        if let outcome, outcome.exactNameOnly {
            narrow = "\(howMany) young people are called exactly this, so similar spellings are not listed"
                + (outcome.totalIsCapped ? " and only the first \(outcome.total.formatted()) can be paged through" : "")
                + ". Add a given name, date of birth or postcode to narrow the search."
        } else if let outcome, outcome.isBroad {
            let more = outcome.request.postcodeArea == nil ? "a date of birth or postcode" : "a name or date of birth"
            narrow = "\(howMany) young people match"
                + (outcome.totalIsCapped ? "; only the first \(outcome.total.formatted()) can be paged through" : "")
                + ". Add \(more) to narrow the search."
        } else {
            narrow = nil
        }
        ignored = outcome.flatMap { $0.request.ignored.isEmpty ? nil : $0.request.ignored.joined(separator: ", ") }
    }
}
