import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// "Known elsewhere?" for a tracking officer: ask the regional index which
/// other authorities hold this young person (codes and names of
/// authorities only), and record a request for their record from one.
struct KnownElsewhereController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.lookUpElsewhere)
            .get("people/:id/known-elsewhere", use: show)
            .post("people/:id/known-elsewhere", use: lookUp)
            .post("people/:id/known-elsewhere/request", use: request)
        return routes
    }

    var desk: KnownElsewhereDesk { services.app.knownElsewhere }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let view = try await desk.view(for: context.grant, person: try context.personID(), at: services.now())
        let requested = request.uri.queryParameters.get("requested").map { String($0) }
        return try templates.render(KnownElsewherePage(user: context.user, csrf: context.csrf, view: view, answer: nil, requested: requested))
    }

    func lookUp(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        _ = try await request.decodeForm(as: EmptyForm.self, context: context)
        let now = services.now()
        let view = try await desk.view(for: context.grant, person: person, at: now)
        let answer = try await desk.lookUp(for: context.grant, person: person, at: now)
        context.logger.info("known elsewhere look-up", metadata: ["person": "\(person)", "matches": "\(answer.authorities.count)", "user": "\(context.user.id)"])
        return try templates.render(KnownElsewherePage(user: context.user, csrf: context.csrf, view: view, answer: answer, requested: nil))
    }

    struct RequestForm: Decodable, Sendable {
        var la: String?
    }

    struct EmptyForm: Decodable, Sendable {}

    func request(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let form = try await request.decodeForm(as: RequestForm.self, context: context)
        let id = try await desk.requestTransfer(for: context.grant, person: person, from: form.la ?? "", at: services.now())
        context.logger.notice("transfer requested", metadata: ["person": "\(person)", "request": "\(id)", "user": "\(context.user.id)"])
        return .redirect(to: "/people/\(person)/known-elsewhere?requested=\(form.la ?? "")", type: .normal)
    }
}

struct KnownElsewherePage: PageModel {
    static let template = "known-elsewhere"

    struct Authority: Sendable {
        let code: String
        let name: String
    }

    let title = "Known elsewhere?"
    let userName: String
    let role: String
    let csrf: String
    let personID: Int64
    let name: String
    let indexReady: Bool
    let publications: Int
    let one: Bool
    let oneLeft: Bool
    let asked: Bool
    let authorities: [Authority]
    let found: Bool
    let lookupsLeft: Int
    let requested: String?

    init(user: StoredUser, csrf: String, view: KnownElsewhereView, answer: KnownElsewhereAnswer?, requested: String?) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        personID = view.personID
        name = view.name
        indexReady = view.indexReady
        publications = view.publications
        one = view.publications == 1
        asked = answer != nil
        authorities = (answer?.authorities ?? []).map { Authority(code: $0.code, name: $0.name) }
        found = !authorities.isEmpty
        lookupsLeft = answer?.lookupsLeft ?? 0
        oneLeft = lookupsLeft == 1
        self.requested = requested.flatMap { $0.isEmpty ? nil : $0 }
    }
}
