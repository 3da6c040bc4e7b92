import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// The lists behind the home page's numbers: an adviser's own lists, and a
/// manager's view of one adviser's caseload or contacts this month.
struct CaseloadListController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get("my-work/:list", use: myList)
            .get("team/:adviser", use: teamList)
    }

    func myList(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.changeOwnCaseload)
        guard let list = context.parameters.get("list").flatMap(WorkList.init(rawValue:)) else {
            throw HTTPError(.notFound, message: "There is no such list. Go back to My work and choose one of its numbers.")
        }
        let work = try await WorkTodayBuilder(store: services.store, classifier: services.classifier).build(for: user.id, scope: scope, now: services.now())
        let rows = work.items(list).map { CaseloadListPage.Row(member: $0.member, reason: $0.reason) }
        return try templates.render(CaseloadListPage(user: user, csrf: context.csrfToken ?? "", heading: list.title, caption: "My work", rows: rows))
    }

    func teamList(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.teamOverview)
        let notFound = HTTPError(.notFound, message: "There is no personal adviser with that id in your organisation.")
        guard let adviserID = context.parameters.get("adviser", as: Int64.self),
            let adviser = try await UserQueries(store: services.store).user(id: adviserID),
            adviser.organisationID == user.organisationID, adviser.role == .personalAdviser
        else { throw notFound }
        var members = try await CaseloadQueries(store: services.store).members(of: adviserID, in: scope)
        var heading = "Caseload of \(adviser.displayName)"
        if request.uri.queryParameters.get("show") == "contacts" {
            let since = Timestamp.format(MonthStart.of(services.now()))
            let contacted = Set(try await TeamQueries(store: services.store).contactedPeople(by: adviserID, since: since, in: scope))
            members = try await PeopleSummaryQuery(store: services.store).members(ids: contacted, in: scope)
            heading = "Contacted by \(adviser.displayName) this month"
        }
        let rows = members.map { CaseloadListPage.Row(member: $0, reason: $0.tier.flatMap(CaseloadTier.init(rawValue:))?.meaning ?? "") }
        return try templates.render(CaseloadListPage(user: user, csrf: context.csrfToken ?? "", heading: heading, caption: "My team", rows: rows))
    }
}

/// A list of young people with the reason each is on it.
struct CaseloadListPage: PageModel {
    static let template = "caseload-list"

    struct Row: Sendable {
        let link: String
        let name: String
        let dateOfBirth: String
        let school: String
        let reason: String

        init(member: CaseloadMember, reason: String) {
            link = "/people/\(member.id)"
            name = "\(member.givenName) \(member.familyName)"
            dateOfBirth = (try? CalendarDate(iso: member.dateOfBirth))?.longDescription ?? member.dateOfBirth
            school = member.school ?? "–"
            self.reason = reason
        }
    }

    let title: String
    let userName: String
    let role: String
    let csrf: String
    let caption: String
    let heading: String
    let rows: [Row]
    let hasRows: Bool
    let count: Int

    init(user: StoredUser, csrf: String, heading: String, caption: String, rows: [Row]) {
        title = heading
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        self.caption = caption
        self.heading = heading
        self.rows = rows
        hasRows = !rows.isEmpty
        count = rows.count
    }
}
