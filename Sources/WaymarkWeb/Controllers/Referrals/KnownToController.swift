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
        routes.requiring(.recordInvolvement).post("people/:id/lead-professional", use: setLead)
        return routes
    }

    struct LeadForm: Decodable, Sendable {
        var lead: String?
        var agreed: String?
    }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let notice = request.uri.queryParameters.get("saved") == "lead" ? "Lead professional recorded." : nil
        return try await page(context, notice: notice)
    }

    func setLead(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let form = try await request.decodeForm(as: LeadForm.self, context: context)
        do {
            try await services.app.knownTo.setLead(of: person, to: form.lead.flatMap { Int64($0) }, agreed: form.agreed, for: context.grant, at: services.now())
            context.logger.info("lead professional set", metadata: ["person": "\(person)", "lead": "\(form.lead ?? "")"])
            return .redirect(to: Paths.knownTo(person, saved: "lead"), type: .normal)
        } catch Refusal.invalid(let message) {
            return try await page(context, problem: message, status: .unprocessableContent)
        }
    }

    private func page(_ context: StaffContext, notice: String? = nil, problem: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let person = try context.personID()
        let now = services.now()
        let view = try await services.app.knownTo.register(of: person, for: context.grant, at: now)
        let referrals = try await services.app.referrals.of(person: person, for: context.grant, at: now)
        return try templates.render(
            KnownToPage(user: context.user, csrf: context.csrf, view: view, referrals: referrals, today: CalendarDate.today(from: now), notice: notice, problem: problem),
            status: status)
    }
}
