import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// "Consent and sharing" on a record: the page, recording and withdrawing a
/// choice, and (data managers) setting a refused share aside. The use cases
/// decide who may; a problem with the form comes back on the page (422).
struct ConsentController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.manageConsent)
            .get("people/:id/consent", use: show)
            .post("people/:id/consent", use: record)
            .post("people/:id/consent/:item/withdraw", use: withdraw)
        routes.requiring(.overrideSharing).post("people/:id/consent/override", use: override)
        return routes
    }

    private var desk: ConsentDesk { services.app.consent }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let notice = request.uri.queryParameters.get("saved").flatMap { Self.notices[String($0)] }
        return try await page(context, notice: notice)
    }

    func record(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let form = try await request.decodeForm(as: ConsentForm.self, context: context)
        let now = services.now()
        let (provision, problems) = form.validated(today: CalendarDate.today(from: now), now: now)
        guard let provision else { return try await page(context, form: form, problems: problems) }
        let shown: String
        do {
            shown = try await services.app.repeats.once(form.once, for: context.grant, at: now, fallback: Paths.consent(person, saved: nil)) {
                let id = try await desk.record(provision, for: context.grant, person: person, at: now)
                context.logger.info("consent recorded", metadata: ["person": "\(person)", "provision": "\(id)", "decision": "\(provision.decision.rawValue)"])
                return Paths.consent(person, saved: "recorded")
            }
        } catch Refusal.invalid(let message) {
            var problems = FormProblems()
            problems.add("recipient", message)
            return try await page(context, form: form, problems: problems)
        }
        return .redirect(to: shown, type: .normal)
    }

    func withdraw(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        guard let item = context.parameters.get("item", as: Int64.self) else {
            throw Refusal.notFound("There is no such choice on this record.")
        }
        try await desk.withdraw(item, for: context.grant, person: person, at: services.now())
        context.logger.info("consent withdrawn", metadata: ["person": "\(person)", "provision": "\(item)"])
        return .redirect(to: Paths.consent(person, saved: "withdrawn"), type: .normal)
    }

    func override(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let (form, unread) = try await request.readForm(as: OverrideForm.self, context: context)
        var problems = unread
        var classes = Set<SensitivityClass>()
        for text in form.classes ?? [] {
            guard let dataClass = SensitivityClass(rawValue: text) else {
                problems.add("class", "Choose kinds of information from the list")
                continue
            }
            classes.insert(dataClass)
        }
        guard problems.isEmpty else { return try await page(context, overrideForm: form, problems: problems) }
        let recipient = (form.recipient ?? "").isEmpty ? nil : form.recipient.flatMap { Int64($0) }
        do {
            let override = try await services.app.sharing.override(
                for: context.grant, person: person, flowKey: form.flow, recipientID: recipient, classes: classes, reason: form.reason, at: services.now())
            context.logger.notice("share override", metadata: ["person": "\(person)", "override": "\(override.id)", "user": "\(context.user.id)"])
        } catch Refusal.invalid(let message) {
            var problems = FormProblems()
            problems.add("reason", message)
            return try await page(context, overrideForm: form, problems: problems)
        }
        return .redirect(to: Paths.consent(person, saved: "override"), type: .normal)
    }

    static let notices = [
        "recorded": "Choice recorded. It applies from now to every share it covers.",
        "withdrawn": "Choice withdrawn. It stopped applying at once; it stays in the history below.",
        "override": "Override recorded. It ends by itself; the audit trail and the data protection review show it.",
    ]

    private func page(
        _ context: StaffContext, form: ConsentForm? = nil, overrideForm: OverrideForm? = nil, problems: FormProblems = FormProblems(), notice: String? = nil
    ) async throws -> Response {
        let person = try context.personID()
        let now = services.now()
        let overview = try await desk.overview(for: context.grant, person: person, at: now)
        let page = ConsentPage(
            user: context.user, csrf: context.csrf, overview: overview, today: CalendarDate.today(from: now), now: now, form: form,
            overrideForm: overrideForm, problems: problems, notice: notice, overrideHours: services.app.sharing.policy.hours)
        return try templates.render(page, status: problems.isEmpty ? .ok : .unprocessableContent)
    }
}
