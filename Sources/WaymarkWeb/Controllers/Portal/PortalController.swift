import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The school and college portal: leavers, the destinations report and its
/// downloads, current pupils or students, one pupil's page, and what a
/// school or college posts about them. A careers leader's home page is the
/// leavers page. The use cases decide what may be seen and audit it.
struct PortalController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.schoolPortal)
            .get("portal", use: leavers)
            .get("portal/destinations", use: destinations)
            .get("portal/students", use: students)
            .get("portal/people/:id", use: pupil)
        routes.requiring(.postPupilInformation)
            .post("portal/people/:id/intended-destination", use: postDestination)
            .post("portal/people/:id/offer", use: postOffer)
            .post("portal/people/:id/concern", use: postConcern)
            .post("portal/people/:id/left-early", use: markLeftEarly)
            .get("portal/upload", use: uploadForm)
            .post("portal/upload", use: upload)
        return routes
    }

    private var desk: PortalDesk { services.app.portal }

    func leavers(_ request: Request, context: StaffContext) async throws -> Response {
        let query = request.uri.queryParameters
        let year = try Self.number(query.get("year"), name: "leaving year")
        let page = try Self.number(query.get("page"), name: "page") ?? 1
        let attentionOnly = query.get("show") == "attention"
        if let format = try Downloads.format(request) {
            return Downloads.response(try await desk.leaversExport(
                for: context.grant, year: year, attentionOnly: attentionOnly, format: format, at: services.now()))
        }
        let leavers = try await desk.leavers(for: context.grant, year: year, attentionOnly: attentionOnly, page: page, at: services.now())
        var view = PortalLeaversPage(frame: StaffFrame(user: context.user, csrf: context.csrf), leavers: leavers)
        // The list with its year and filter, every page: from /portal, whichever address showed it.
        view.downloads = DownloadLinks(
            path: Paths.portal, query: (year.map { [URLQueryItem(name: "year", value: String($0))] } ?? [])
                + (attentionOnly ? [URLQueryItem(name: "show", value: "attention")] : []),
            allPages: leavers.pageCount > 1)
        return try templates.render(view)
    }

    func destinations(_ request: Request, context: StaffContext) async throws -> Response {
        let query = request.uri.queryParameters
        let now = services.now()
        let year = try Self.number(query.get("year"), name: "leaving year") ?? LeavingYear.recent(on: CalendarDate.today(from: now))[0].year
        let format = try Downloads.format(request)
        let report = try await desk.destinations(for: context.grant, year: year, format: format?.rawValue ?? "html", at: now)
        if let format { return Downloads.response(DestinationWorkbook.download(report, format: format)) }
        return try templates.render(PortalDestinationsPage(frame: StaffFrame(user: context.user, csrf: context.csrf), report: report))
    }

    func students(_ request: Request, context: StaffContext) async throws -> Response {
        if let format = try Downloads.format(request) {
            return Downloads.response(try await desk.studentsExport(for: context.grant, format: format, at: services.now()))
        }
        let page = try Self.number(request.uri.queryParameters.get("page"), name: "page") ?? 1
        let students = try await desk.students(for: context.grant, page: page, at: services.now())
        let notice = request.uri.queryParameters.get("left").flatMap { Int64($0) }.map { _ in "Marked as left. They are in the tracking team's not-known queue from today." }
        var view = PortalStudentsPage(
            frame: StaffFrame(user: context.user, csrf: context.csrf), students: students, mayPost: context.grant.allows(.postPupilInformation),
            notice: notice)
        view.downloads = DownloadLinks(path: Paths.portalStudentsList, allPages: students.pageCount > 1)
        return try templates.render(view)
    }

    func pupil(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let view = try await desk.pupil(for: context.grant, person: person, at: services.now())
        let saved = request.uri.queryParameters.get("saved").flatMap { PortalPupilPage.notices[String($0)] }
        return try templates.render(PortalPupilPage(
            frame: StaffFrame(user: context.user, csrf: context.csrf), view: view, mayPost: context.grant.allows(.postPupilInformation), notice: saved))
    }

    struct CodeForm: Decodable {
        let code: String?
        let once: String?
    }

    func postDestination(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let (form, unread) = try await request.readForm(as: CodeForm.self, context: context)
        guard let code = form.code.flatMap(Int.init).flatMap(IntendedDestination.init(rawValue:)), unread.isEmpty else {
            return try await pupilPage(person, context, problem: ("destination", "Choose the pupil's intended destination from the list"))
        }
        return try await once(form.once, person, context) {
            try await desk.postIntendedDestination(code, for: context.grant, person: person, at: services.now())
            context.logger.info("portal intended destination", metadata: ["person": "\(person)", "code": "\(code.rawValue)"])
            return Paths.portalPupil(person, saved: "destination")
        }
    }

    func postOffer(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let (form, unread) = try await request.readForm(as: CodeForm.self, context: context)
        guard let status = form.code.flatMap(Int.init).flatMap(GuaranteeStatus.init(rawValue:)), unread.isEmpty else {
            return try await pupilPage(person, context, problem: ("offer", "Choose the September Guarantee status from the list"))
        }
        return try await once(form.once, person, context) {
            try await desk.postOffer(status, for: context.grant, person: person, at: services.now())
            context.logger.info("portal offer", metadata: ["person": "\(person)", "status": "\(status.rawValue)"])
            return Paths.portalPupil(person, saved: "offer")
        }
    }

    func postConcern(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let (form, unread) = try await request.readForm(as: CodeForm.self, context: context)
        guard let concern = form.code.flatMap(PortalConcern.init(rawValue:)), unread.isEmpty else {
            return try await pupilPage(person, context, problem: ("concern", "Choose why you are concerned from the list"))
        }
        return try await once(form.once, person, context) {
            try await desk.raiseConcern(concern, for: context.grant, person: person, at: services.now())
            context.logger.info("portal concern", metadata: ["person": "\(person)", "concern": "\(concern.rawValue)"])
            return Paths.portalPupil(person, saved: "concern")
        }
    }

    /// Posts once per form token: a repeat (Back then Send, a double click) is shown the first result and sends nothing twice.
    private func once(_ token: String?, _ person: Int64, _ context: StaffContext, post: () async throws -> String) async throws -> Response {
        let shown = try await services.app.repeats.once(token, for: context.grant, at: services.now(), fallback: Paths.portalPupil(person), save: post)
        return .redirect(to: shown, type: .normal)
    }

    /// The pupil's page again with the problem one of its forms had, in an error summary linking to the list, 422.
    private func pupilPage(_ person: Int64, _ context: StaffContext, problem: (field: String, message: String)) async throws -> Response {
        var problems = FormProblems()
        problems.add(problem.field, problem.message)
        let view = try await desk.pupil(for: context.grant, person: person, at: services.now())
        return try templates.render(PortalPupilPage(
            frame: StaffFrame(user: context.user, csrf: context.csrf, problems: problems), view: view, mayPost: true, notice: nil, problems: problems),
            status: .unprocessableContent)
    }

    /// One click from the students list: the student has left, tracking starts today.
    func markLeftEarly(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        try await desk.markLeftEarly(for: context.grant, person: person, at: services.now())
        context.logger.info("portal early leaver", metadata: ["person": "\(person)"])
        return .redirect(to: Paths.portalStudents(left: person), type: .normal)
    }

    func uploadForm(_ request: Request, context: StaffContext) async throws -> Response {
        let done = PortalUploadPage.Done(query: request.uri.queryParameters)
        return try templates.render(PortalUploadPage(frame: StaffFrame(user: context.user, csrf: context.csrf), outcome: nil, fileProblem: nil, done: done))
    }

    func upload(_ request: Request, context: StaffContext) async throws -> Response {
        let form = try await UploadForm.read(request, csrf: context.csrf, limit: ImportsController.maxUpload)
        let frame = StaffFrame(user: context.user, csrf: context.csrf)
        guard let file = form.files["file"], !file.data.isEmpty else {
            return try templates.render(PortalUploadPage(frame: frame, outcome: nil, fileProblem: "Choose a file to upload"), status: .unprocessableContent)
        }
        var refused: PortalUploadOutcome?
        let shown: String
        do {
            // The same upload sent twice (a double click, Back then Upload) records once and is shown the first result.
            shown = try await services.app.repeats.once(form.fields["once"], for: context.grant, at: services.now(), fallback: Paths.portalUpload) {
                let outcome = try await desk.uploadIntendedDestinations(data: file.data, fileName: file.fileName, for: context.grant, at: services.now())
                guard let summary = outcome.summary, outcome.problems.isEmpty else {
                    refused = outcome
                    throw Refusal.invalid("\(file.fileName) has problems, so nothing was recorded.")
                }
                context.logger.info("portal upload", metadata: ["rows": "\(summary.rowsRead)", "updated": "\(summary.updated)", "excepted": "\(summary.excepted)"])
                return Paths.portalUpload(
                    rows: summary.rowsRead, updated: summary.updated, unchanged: summary.unchanged, created: summary.created, excepted: summary.excepted)
            }
        } catch Refusal.invalid(let message) {
            return try templates.render(PortalUploadPage(frame: frame, outcome: refused, fileProblem: message), status: .unprocessableContent)
        }
        return .redirect(to: shown, type: .normal)
    }

    /// A whole number from the query, or nil when absent; anything else is a clear 400.
    static func number(_ text: String?, name: String) throws -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Int(text) else { throw HTTPError(.badRequest, message: "The \(name) must be a whole number, such as 2026.") }
        return value
    }
}
