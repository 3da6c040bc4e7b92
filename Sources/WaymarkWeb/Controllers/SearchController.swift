import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkStore

/// Person search: one box for a name, date of birth, postcode, UPN or ULN.
/// Each search is audited with the ids it showed (opening a record is audited
/// again); the log gets the kinds searched for and the count found, never what was typed.
struct SearchController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self).get("search", use: search)
    }

    func search(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.readRecords)
        // A form sent by GET encodes spaces as "+"; a real plus sign means nothing in a search.
        let text = (request.uri.queryParameters.get("q") ?? "").replacingOccurrences(of: "+", with: " ")
        let page = SearchPage.Frame(user: user, csrf: context.csrfToken ?? "", query: String(text.prefix(SearchQueryParser.maxLength)))
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return try templates.render(SearchPage(frame: page)) }
        do {
            let today = CalendarDate.today(from: services.now())
            let outcome = try await PersonSearch(store: services.store).search(
                text, for: AccessGrant(user: user, scope: scope), today: today, at: services.now())
            context.logger.info(
                "person search", metadata: ["kinds": "\(outcome.request.kinds.joined(separator: ","))", "results": "\(outcome.results.count)"])
            return try templates.render(SearchPage(frame: page, outcome: outcome))
        } catch let error as SearchInputError {
            context.logger.info("person search refused", metadata: ["length": "\(text.count)"])
            return try templates.render(SearchPage(frame: page, problem: error.description), status: .badRequest)
        }
    }
}
