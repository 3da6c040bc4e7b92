import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Referrals between services: a service's list (a partner's home), one
/// referral and its steps, and the form that refers a young person. The
/// use case decides which side the user is on and what that side may do;
/// a refusal comes back on the referral's page with its words.
struct ReferralsController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        // Either side may open these; the use case refuses a role that is on neither.
        routes.requiring(nil)
            .get("referrals", use: list)
            .get("referrals/:referral", use: show)
            .post("referrals/:referral", use: step)
        routes.requiring(.makeReferrals)
            .get("people/:id/referrals/new", use: new)
            .post("people/:id/referrals", use: create)
        return routes
    }

    private var desk: ReferralDesk { services.app.referrals }

    func list(_ request: Request, context: StaffContext) async throws -> Response {
        let now = services.now()
        let overview = try await desk.overview(for: context.grant, at: now)
        var names: [Int64: String] = [:]
        for referral in overview.received + overview.sent { names[referral.personID] = referral.personName }
        return try templates.render(
            ReferralsPage(user: context.user, csrf: context.csrf, overview: overview, names: names, today: CalendarDate.today(from: now)))
    }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let id = try referralID(context)
        let notice = request.uri.queryParameters.get("saved").flatMap { ReferralStateText.saved[String($0)] }
        return try await page(id, context, notice: notice)
    }

    func step(_ request: Request, context: StaffContext) async throws -> Response {
        let id = try referralID(context)
        let form = try await request.decodeForm(as: ReferralStepForm.self, context: context)
        do {
            let action = try form.action().get()
            let after = try await desk.act(action, on: id, for: context.grant, at: services.now())
            context.logger.info("referral step", metadata: ["referral": "\(id)", "person": "\(after.personID)", "step": "\(action.kind.rawValue)", "state": "\(after.state.rawValue)"])
            return .redirect(to: Paths.referral(id, saved: action.kind.rawValue), type: .normal)
        } catch let refusal as Refusal {
            switch refusal {
            case .invalid(let message), .conflict(let message): return try await page(id, context, problem: message, status: .unprocessableContent)
            default: throw refusal
            }
        }
    }

    func new(_ request: Request, context: StaffContext) async throws -> Response {
        let start = try await desk.start(for: context.grant, person: try context.personID(), at: services.now())
        return try templates.render(ReferralNewPage(user: context.user, csrf: context.csrf, start: start))
    }

    func create(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let form = try await request.decodeForm(as: ReferralForm.self, context: context)
        let now = services.now()
        do {
            let id = try await desk.draft(
                for: context.grant, person: person, to: form.service.flatMap { Int64($0) },
                purpose: form.purpose.flatMap(ReferralPurpose.init(rawValue:)), summary: form.summary, at: now)
            context.logger.info("referral drafted", metadata: ["referral": "\(id)", "person": "\(person)"])
            return .redirect(to: Paths.referral(id, saved: "create"), type: .normal)
        } catch Refusal.invalid(let message) {
            let start = try await desk.start(for: context.grant, person: person, at: now)
            return try templates.render(ReferralNewPage(user: context.user, csrf: context.csrf, start: start, form: form, problem: message), status: .unprocessableContent)
        }
    }

    private func page(_ id: Int64, _ context: StaffContext, notice: String? = nil, problem: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let now = services.now()
        let view = try await desk.open(id, for: context.grant, at: now)
        return try templates.render(
            ReferralPage(user: context.user, csrf: context.csrf, view: view, today: CalendarDate.today(from: now), problem: problem, notice: notice), status: status)
    }

    private func referralID(_ context: StaffContext) throws -> Int64 {
        guard let id = context.parameters.get("referral", as: Int64.self) else { throw Refusal.notFound("There is no referral with that id among those you can see.") }
        return id
    }
}

/// What the referral page says after a step.
enum ReferralStateText {
    static let saved: [String: String] = [
        "create": "Draft saved. Check it, then send it.",
        "send": "Referral sent to the service. You will have a notice in Waymark, and an e-mail, at each change they make.",
        "acknowledge": "Marked as received. The referrer has a notice in Waymark, and an e-mail to them is queued.",
        "accept": "Accepted. Your service is now on the young person's known-to register. The referrer has a notice in Waymark, and an e-mail to them is queued.",
        "decline": "Declined. The referrer has a notice in Waymark, and an e-mail to them is queued.",
        "start": "Work started. The referrer has a notice in Waymark, and an e-mail to them is queued.",
        "record-outcome": "Outcome recorded. The referrer has a notice in Waymark, and an e-mail to them is queued.",
        "close": "Referral closed.",
        "withdraw": "Referral withdrawn.",
        "hand-back": "Handed back. The referrer has a notice in Waymark, and an e-mail to them is queued.",
        "reopen": "Referral reopened.",
    ]
}
