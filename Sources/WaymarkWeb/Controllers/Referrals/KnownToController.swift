import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// "Known to and referrals" on a record: who is involved, the lead
/// professional (and naming one), and the young person's referrals.
struct KnownToController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.readRecords).get("people/:id/known-to", use: show)
        routes.requiring(.readRecords).get("people/:id/team", use: team)
        routes.requiring(.recordInvolvement).post("people/:id/lead-professional", use: setLead)
        routes.requiring(.recordInvolvement).post("people/:id/involvements", use: addInvolvement)
        routes.requiring(.recordInvolvement).post("people/:id/involvements/end", use: endInvolvement)
        return routes
    }

    struct LeadForm: Decodable, Sendable {
        var lead: String?
        var agreed: String?
    }

    static let notices = [
        "lead": "Lead professional recorded.", "involvement": "Involvement recorded.", "ended": "Involvement ended.",
    ]

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let notice = request.uri.queryParameters.get("saved").flatMap { Self.notices[$0] }
        return try await page(context, notice: notice)
    }

    func team(_ request: Request, context: StaffContext) async throws -> Response {
        let view = try await services.app.team.team(of: try context.personID(), for: context.grant, at: services.now())
        return try templates.render(TeamPage(user: context.user, view: view))
    }

    func addInvolvement(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let form = try await request.decodeForm(as: InvolvementForm.self, context: context)
        var dateProblems = FormProblems()
        let from = dateProblems.date(form.from, field: "from-date", label: "the date the involvement started", required: true)
        // A date that could not be read goes as none: the use case refuses it and still checks the rest, so every problem shows at once.
        let entry = InvolvementEntry(organisationID: form.organisation.flatMap { Int64($0) }, workerName: form.worker, role: form.role, from: from)
        do {
            let id = try await services.app.knownTo.recordInvolvement(entry, of: person, for: context.grant, at: services.now())
            context.logger.info("involvement recorded", metadata: ["person": "\(person)", "involvement": "\(id)"])
            return .redirect(to: Paths.knownTo(person, saved: "involvement"), type: .normal)
        } catch let found as InvolvementProblems {
            var problems = FormProblems()
            // The date's own reading ("must be a real date", its boxes marked) stands for the date, which is the form's last field.
            for problem in found.problems where problem.field != .from || dateProblems.isEmpty { problems.add(problem.field.fieldID, problem.description) }
            problems.merge(dateProblems)
            return try await page(context, problems: problems, added: form, status: .unprocessableContent)
        }
    }

    func endInvolvement(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let form = try await request.decodeForm(as: EndInvolvementForm.self, context: context)
        var problems = FormProblems()
        let to = problems.date(form.to, field: "to-date", label: "the date the involvement ended", required: true)
        if problems.isEmpty {
            let id = form.involvement.flatMap { Int64($0) }
            do {
                try await services.app.knownTo.endInvolvement(id, of: person, on: to, for: context.grant, at: services.now())
                context.logger.info("involvement ended", metadata: ["person": "\(person)", "involvement": "\(id.map(String.init) ?? "")"])
                return .redirect(to: Paths.knownTo(person, saved: "ended"), type: .normal)
            } catch let problem as InvolvementProblem {
                problems.add(problem.field.fieldID, problem.description)
            }
        }
        return try await page(context, problems: problems, ended: form, status: .unprocessableContent)
    }

    func setLead(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let form = try await request.decodeForm(as: LeadForm.self, context: context)
        do {
            try await services.app.knownTo.setLead(of: person, to: form.lead.flatMap { Int64($0) }, agreed: form.agreed, for: context.grant, at: services.now())
            context.logger.info("lead professional set", metadata: ["person": "\(person)", "lead": "\(form.lead ?? "")"])
            return .redirect(to: Paths.knownTo(person, saved: "lead"), type: .normal)
        } catch Refusal.invalid(let message) {
            var problems = FormProblems()
            problems.add("lead", message)
            return try await page(context, problems: problems, status: .unprocessableContent)
        }
    }

    private func page(
        _ context: StaffContext, notice: String? = nil, problems: FormProblems = FormProblems(), added: InvolvementForm? = nil,
        ended: EndInvolvementForm? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let person = try context.personID()
        let now = services.now()
        let view = try await services.app.knownTo.register(of: person, for: context.grant, at: now)
        let referrals = try await services.app.referrals.of(person: person, for: context.grant, at: now)
        return try templates.render(
            KnownToPage(user: context.user, csrf: context.csrf, view: view, referrals: referrals, visible: context.grant.visibleClasses, today: CalendarDate.today(from: now), notice: notice,
                problems: problems, added: added, ended: ended),
            status: status)
    }
}
