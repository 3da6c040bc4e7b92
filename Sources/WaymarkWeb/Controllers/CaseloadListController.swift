import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The lists behind the home page's numbers: an adviser's own lists, and a
/// manager's view of one adviser's caseload or contacts this month.
struct CaseloadListController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.changeOwnCaseload).get("my-work/:list", use: myList)
        routes.requiring(.teamOverview).get("team/:adviser", use: teamList)
        return routes
    }

    func myList(_ request: Request, context: StaffContext) async throws -> Response {
        guard let list = context.parameters.get("list").flatMap(WorkList.init(rawValue:)) else {
            throw HTTPError(.notFound, message: "There is no such list. Go back to My work and choose one of its numbers.")
        }
        if let format = try Downloads.format(request) {
            return Downloads.response(try await services.app.workspace.myListExport(list, format: format, for: context.grant, at: services.now()))
        }
        let items = try await services.app.workspace.myList(list, for: context.grant, at: services.now())
        let rows = items.map { CaseloadListPage.Row(member: $0.member, reason: $0.reason) }
        return try templates.render(CaseloadListPage(
            user: context.user, csrf: context.csrf, heading: list.title, caption: "My work", rows: rows, downloads: DownloadLinks(request)))
    }

    func teamList(_ request: Request, context: StaffContext) async throws -> Response {
        guard let adviserID = context.parameters.get("adviser", as: Int64.self) else {
            throw HTTPError(.notFound, message: "There is no personal adviser with that id in your organisation.")
        }
        let show = request.uri.queryParameters.get("show").map { String($0) }
        // One of the adviser's work lists, opened from a number on the manager's home page.
        if let list = show.flatMap(WorkList.init(rawValue:)) {
            if let format = try Downloads.format(request) {
                return Downloads.response(try await services.app.workspace.teamWorkListExport(
                    adviser: adviserID, list: list, format: format, for: context.grant, at: services.now()))
            }
            let found = try await services.app.workspace.teamWorkList(adviser: adviserID, list: list, for: context.grant, at: services.now())
            return try templates.render(CaseloadListPage(
                user: context.user, csrf: context.csrf, heading: "\(list.title): \(found.adviser.displayName)", caption: "My team",
                rows: found.items.map { CaseloadListPage.Row(member: $0.member, reason: $0.reason) }, downloads: DownloadLinks(request)))
        }
        let contacts = show == "contacts"
        if let format = try Downloads.format(request) {
            return Downloads.response(try await services.app.workspace.teamListExport(
                adviser: adviserID, contactsThisMonth: contacts, format: format, for: context.grant, at: services.now()))
        }
        let list = try await services.app.workspace.teamList(adviser: adviserID, contactsThisMonth: contacts, for: context.grant, at: services.now())
        let heading = contacts ? "Contacted by \(list.adviser.displayName) this month" : "Caseload of \(list.adviser.displayName)"
        let rows = list.members.map { CaseloadListPage.Row(member: $0, reason: WorkspaceDesk.tierMeaning($0)) }
        return try templates.render(CaseloadListPage(
            user: context.user, csrf: context.csrf, heading: heading, caption: "My team", rows: rows, downloads: DownloadLinks(request)))
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
            link = Paths.person(member.id)
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
    /// As shown: "1,234".
    let count: String
    let downloads: DownloadLinks?

    init(user: StoredUser, csrf: String, heading: String, caption: String, rows: [Row], downloads: DownloadLinks) {
        title = heading
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        self.caption = caption
        self.heading = heading
        self.rows = rows
        hasRows = !rows.isEmpty
        count = rows.count.formatted()
        self.downloads = rows.isEmpty ? nil : downloads
    }
}
