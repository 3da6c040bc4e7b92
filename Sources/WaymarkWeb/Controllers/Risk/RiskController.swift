import Foundation
import Hummingbird
import Logging
import NIOCore
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The risk-of-NEET pages: the model's settings, back-test and transparency
/// record (data managers); the lists of every school (LA staff); a school's
/// own list, where its staff add or remove a pupil with a reason (careers
/// leaders). The use cases decide and audit; this only reads and renders.
struct RiskController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.riskModel)
            .get(RouterPath(Paths.riskSettings), use: settings)
            .post(RouterPath(Paths.riskSettings), use: saveSettings)
            .get(RouterPath(Paths.riskBackTest), use: backTest)
            .post(RouterPath(Paths.riskBackTest), use: rerunBackTest)
            .get(RouterPath(Paths.riskTransparency), use: transparency)
        routes.requiring(.riskLists)
            .get(RouterPath(Paths.riskSchools), use: schools)
            .get("risk/schools/:school", use: schoolList)
        routes.requiring(.schoolPortal)
            .get(RouterPath(Paths.portalRisk), use: portalList)
        routes.requiring(.postPupilInformation)
            .post("portal/risk/:id", use: portalChange)
        return routes
    }

    private var desk: RiskDesk { services.app.risk }

    func settings(_ request: Request, context: StaffContext) async throws -> Response {
        let view = try await desk.settings(for: context.grant)
        let saved = request.uri.queryParameters.get("saved") != nil
        return try templates.render(RiskSettingsPage(user: context.user, csrf: context.csrf, view: view, saved: saved))
    }

    func saveSettings(_ request: Request, context: StaffContext) async throws -> Response {
        let fields = try await request.decodeForm(as: [String: String].self, context: context)
        let view = try await desk.settings(for: context.grant)
        let (settings, unreadable) = RiskSettingsForm.read(fields, over: view.settings)
        var problems = unreadable
        if problems.isEmpty {
            problems = try await desk.save(settings, reason: fields["reason"], for: context.grant, at: services.now())
            if problems.isEmpty {
                context.logger.info("risk settings saved", metadata: ["user": "\(context.user.id)"])
                return .redirect(to: Paths.riskSettings + "?saved=1", type: .normal)
            }
        }
        var page = RiskSettingsPage(user: context.user, csrf: context.csrf, view: view, saved: false, shown: settings, entered: fields)
        page.problems = problems.map { RiskSettingsPage.Problem(anchor: $0.field, message: $0.message) }
        page.hasProblems = !problems.isEmpty
        return try templates.render(page, status: .unprocessableContent)
    }

    func backTest(_ request: Request, context: StaffContext) async throws -> Response {
        let view = try await desk.backTest(for: context.grant, at: services.now())
        return try templates.render(RiskBackTestPage(user: context.user, csrf: context.csrf, view: view))
    }

    func rerunBackTest(_ request: Request, context: StaffContext) async throws -> Response {
        _ = try await request.decodeForm(as: EmptyForm.self, context: context)
        try await desk.rerunBackTest(for: context.grant, at: services.now())
        return .redirect(to: Paths.riskBackTest, type: .normal)
    }

    func transparency(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await desk.transparencyRecord(for: context.grant, at: services.now())
        switch request.uri.queryParameters.get("format") {
        case "md": return Self.download(record.markdown, type: "text/markdown; charset=utf-8", name: "risk-of-neet-transparency-record.md")
        case "html": return Self.download(record.html, type: "text/html; charset=utf-8", name: "risk-of-neet-transparency-record.html")
        case nil: return try templates.render(RiskTransparencyPage(user: context.user, csrf: context.csrf, record: record))
        default: throw HTTPError(.badRequest, message: "The record downloads as format=md or format=html.")
        }
    }

    func schools(_ request: Request, context: StaffContext) async throws -> Response {
        let schools = try await desk.schools(for: context.grant, at: services.now())
        return try templates.render(RiskSchoolsPage(user: context.user, csrf: context.csrf, schools: schools))
    }

    func schoolList(_ request: Request, context: StaffContext) async throws -> Response {
        guard let id = context.parameters.get("school").flatMap(Int64.init) else {
            throw HTTPError(.notFound, message: "There is no such school.")
        }
        if let format = try Downloads.format(request) {
            return Downloads.response(try await desk.listExport(school: id, for: context.grant, format: format, at: services.now()))
        }
        let list = try await desk.list(school: id, for: context.grant, at: services.now())
        var page = RiskListPage(user: context.user, csrf: context.csrf, list: list, grant: context.grant, portal: false)
        page.downloads = DownloadLinks(path: Paths.riskSchool(id))
        return try templates.render(page)
    }

    func portalList(_ request: Request, context: StaffContext) async throws -> Response {
        if let format = try Downloads.format(request) {
            return Downloads.response(try await desk.listExport(school: nil, for: context.grant, format: format, at: services.now()))
        }
        let list = try await desk.list(school: nil, for: context.grant, at: services.now())
        var page = RiskListPage(user: context.user, csrf: context.csrf, list: list, grant: context.grant, portal: true)
        page.downloads = DownloadLinks(path: Paths.portalRisk)
        page.notice = request.uri.queryParameters.get("saved").map { $0 == "add" ? "Added to the list, with your reason." : "Taken off the list, with your reason." }
        return try templates.render(page)
    }

    struct ChangeForm: Decodable {
        let action: String?
        let reason: String?
    }

    func portalChange(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let form = try await request.decodeForm(as: ChangeForm.self, context: context)
        guard let action = form.action.flatMap(RiskListAction.init(rawValue:)) else {
            throw HTTPError(.unprocessableContent, message: "action: choose add or remove.")
        }
        try await desk.change(action, person: person, reason: form.reason ?? "", for: context.grant, at: services.now())
        context.logger.info("risk list changed", metadata: ["person": "\(person)", "action": "\(action.rawValue)"])
        return .redirect(to: Paths.portalRisk + "?saved=\(action.rawValue)#pupil-\(person)", type: .normal)
    }

    struct EmptyForm: Decodable {}

    static func download(_ text: String, type: String, name: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
