import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore

/// Person search: one box for a name, date of birth, postcode, UPN or ULN.
/// Each search is audited with the ids it showed (opening a record is audited
/// again); the log gets the kinds searched for and the count found, never what was typed.
struct SearchController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.readRecords).get("search", use: search)
        return routes
    }

    func search(_ request: Request, context: StaffContext) async throws -> Response {
        // A form sent by GET encodes spaces as "+"; a real plus sign means nothing in a search.
        let text = (request.uri.queryParameters.get("q") ?? "").replacingOccurrences(of: "+", with: " ")
        let today = CalendarDate.today(from: services.now())
        let page = SearchPage.Frame(user: context.user, csrf: context.csrf, query: String(text.prefix(SearchQueryParser.maxLength)), today: today)
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return try templates.render(SearchPage(frame: page)) }
        // A page number that is not one is the first page; one past the end is the last (Paging clamps it).
        let number = request.uri.queryParameters.get("page").flatMap { Int($0) } ?? 1
        do {
            let outcome = try await services.app.search.search(text, for: context.grant, today: today, at: services.now(), page: number)
            context.logger.info(
                "person search", metadata: ["kinds": "\(outcome.request.kinds.joined(separator: ","))", "results": "\(outcome.results.count)"])
            return try templates.render(SearchPage(frame: page, outcome: outcome))
        } catch let error as SearchInputError {
            context.logger.info("person search refused", metadata: ["length": "\(text.count)"])
            return try templates.render(SearchPage(frame: page, problem: error.description), status: .badRequest)
        }
    }
}
