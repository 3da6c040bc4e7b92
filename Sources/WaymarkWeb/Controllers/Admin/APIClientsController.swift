import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The administrator's API clients: issue one to an organisation with a role
/// and scopes (its token shown once, on the answer to the form), list them,
/// and revoke one at once.
struct APIClientsController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.manageUsers)
            .get("", use: list)
            .post("", use: issue)
            .post(":client/revoke", use: revoke)
        return routes
    }

    private var desk: APIClientDesk { services.app.apiClients }

    /// The issue form: each scope is a checkbox of its own name.
    struct IssueForm: Decodable {
        var name: String?
        var organisation: String?
        var role: String?
        var days: String?
        var rate: String?
        var readPeople: String?
        var writeActivities: String?
        var writeDestinations: String?
        var writeImports: String?
        var readFigures: String?
        var readReturns: String?
        var writeReturns: String?
        var exchangeTransfers: String?
        var lookUpElsewhere: String?

        enum CodingKeys: String, CodingKey {
            case name, organisation, role, days, rate
            case readPeople = "read:people", writeActivities = "write:activities", writeDestinations = "write:destinations"
            case writeImports = "write:imports", readFigures = "read:figures", readReturns = "read:returns", writeReturns = "write:returns"
            case exchangeTransfers = "exchange:transfers", lookUpElsewhere = "lookup:elsewhere"
        }

        /// The scopes ticked.
        var scopes: Set<String> {
            let ticked: [(APIScope, String?)] = [
                (.readPeople, readPeople), (.writeActivities, writeActivities), (.writeDestinations, writeDestinations), (.writeImports, writeImports),
                (.readFigures, readFigures), (.readReturns, readReturns), (.writeReturns, writeReturns),
                (.exchangeTransfers, exchangeTransfers), (.lookUpElsewhere, lookUpElsewhere),
            ]
            return Set(ticked.filter { $0.1 != nil }.map(\.0.rawValue))
        }
    }

    func list(_ request: Request, context: StaffContext) async throws -> Response {
        let revoked = request.uri.queryParameters.get("revoked", as: Int64.self)
        return try await page(context, saved: revoked.map { _ in "The client's token was revoked: it no longer works." })
    }

    func issue(_ request: Request, context: StaffContext) async throws -> Response {
        let form = try await request.decodeForm(as: IssueForm.self, context: context)
        var entered = APIClientsPage.Entered()
        entered.name = form.name ?? ""
        entered.organisation = form.organisation ?? ""
        entered.role = form.role ?? ""
        entered.scopes = form.scopes
        entered.days = form.days ?? ""
        entered.rate = form.rate ?? ""
        var errors: [APIClientsPage.FieldError] = []
        let organisation = Int64(entered.organisation)
        if organisation == nil { errors.append(.init(field: "organisation", message: "Choose the organisation the client belongs to")) }
        let role = Role(rawValue: entered.role)
        if role == nil { errors.append(.init(field: "role", message: "Choose the role the client acts as")) }
        let days = Int(entered.days.trimmingCharacters(in: .whitespaces))
        if days == nil { errors.append(.init(field: "days", message: "Enter how many days the token lasts, as a whole number from 1 to 365")) }
        let rate = Int(entered.rate.trimmingCharacters(in: .whitespaces))
        if rate == nil { errors.append(.init(field: "rate", message: "Enter the calls a minute allowed, as a whole number from 1 to 60000")) }
        guard errors.isEmpty, let organisation, let role, let days, let rate else {
            return try await page(context, entered: entered, errors: errors)
        }
        do {
            let issued = try await desk.issue(
                name: entered.name, organisationID: organisation, role: role, scopes: Set(entered.scopes.compactMap(APIScope.init(rawValue:))),
                lifetimeDays: days, rateLimitPerMinute: rate, for: context.grant, at: services.now())
            context.logger.info("api client issued", metadata: ["client": "\(issued.client.id)", "by": "\(context.user.id)"])
            var response = try await page(context, issued: issued)
            // The token is a key: no cache, proxy or back button should keep the page.
            response.headers[.cacheControl] = "no-store"
            return response
        } catch let problem as APIClientProblem {
            return try await page(context, entered: entered, errors: [.init(field: problem.field, message: problem.message)])
        }
    }

    func revoke(_ request: Request, context: StaffContext) async throws -> Response {
        guard let id = context.parameters.get("client", as: Int64.self) else { throw HTTPError(.notFound, message: "There is no API client with that id.") }
        try await desk.revoke(id, for: context.grant, at: services.now())
        context.logger.info("api client revoked", metadata: ["client": "\(id)", "by": "\(context.user.id)"])
        return .redirect(to: Paths.apiClients + "?revoked=\(id)", type: .normal)
    }

    private func page(
        _ context: StaffContext, entered: APIClientsPage.Entered = .init(), errors: [APIClientsPage.FieldError] = [], issued: IssuedAPIClient? = nil,
        saved: String? = nil
    ) async throws -> Response {
        let (clients, organisations) = try await desk.clients(for: context.grant)
        let page = APIClientsPage(
            user: context.user, csrf: context.csrf, clients: clients, organisations: organisations, entered: entered, errors: errors, issued: issued,
            saved: saved, now: services.now())
        return try templates.render(page, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
