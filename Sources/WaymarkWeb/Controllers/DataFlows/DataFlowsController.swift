import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The register of data flows for data managers: the list with overdue
/// reviews flagged, and one entry's form. An entry that lacks its Article 9
/// condition (or more) comes back with the problems and is not saved.
struct DataFlowsController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.manageDataFlows)
            .get(RouterPath(Paths.dataFlows), use: list)
            .get(RouterPath(Paths.dataFlows + "/:flow"), use: edit)
            .post(RouterPath(Paths.dataFlows + "/:flow"), use: save)
        return routes
    }

    struct Form: Decodable, Sendable {
        var name: String?
        var counterpart: String?
        var article6: String?
        var article9: String?
        var schedule1: String?
        var gateway: String?
        var agreement: String?
        var reviewDue: DateEntry?
        var carries: [String]?
        var consentRequired: [String]?
        var once: String?

        enum CodingKeys: String, CodingKey {
            case name, counterpart, article6, article9, schedule1, gateway, agreement, carries, once
            case reviewDue = "review-due", consentRequired = "consent-required"
        }

        init(_ flow: DataFlow) {
            name = flow.name
            counterpart = flow.counterpart
            article6 = flow.article6.rawValue
            article9 = flow.article9
            schedule1 = flow.schedule1
            gateway = flow.statutoryGateway
            agreement = flow.agreementReference
            reviewDue = flow.reviewDue.map(DateEntry.init)
            carries = flow.carries.map(\.rawValue)
            consentRequired = flow.consentRequired.map(\.rawValue)
        }

        func applied(to flow: DataFlow, problems: inout FormProblems) -> DataFlow {
            var edited = flow
            edited.name = problems.text(name, field: "name", label: "the flow's name", required: true, maxLength: 200) ?? ""
            edited.counterpart = problems.text(counterpart, field: "counterpart", label: "who is at the other end", required: true, maxLength: 200) ?? ""
            if let basis = article6.flatMap(LawfulBasis.init(rawValue:)) { edited.article6 = basis } else { problems.add("article6", "Choose the Article 6 basis") }
            edited.article9 = problems.text(article9, field: "article9", label: "the Article 9 condition", required: false, maxLength: 300)
            edited.schedule1 = problems.text(schedule1, field: "schedule1", label: "the Schedule 1 condition", required: false, maxLength: 300)
            edited.statutoryGateway = problems.text(gateway, field: "gateway", label: "the statutory gateway", required: false, maxLength: 300)
            edited.agreementReference = problems.text(agreement, field: "agreement", label: "the agreement's reference", required: false, maxLength: 200)
            edited.reviewDue = problems.date(reviewDue, field: "review-due", label: "the review date", required: false)
            edited.carries = Set((carries ?? []).compactMap(SensitivityClass.init(rawValue:)))
            edited.consentRequired = Set((consentRequired ?? []).compactMap(SensitivityClass.init(rawValue:)))
            return edited
        }
    }

    private var desk: DataFlowDesk { services.app.dataFlows }

    func list(_ request: Request, context: StaffContext) async throws -> Response {
        let flows = try await desk.register(for: context.grant)
        return try templates.render(DataFlowsPage(user: context.user, csrf: context.csrf, flows: flows, today: CalendarDate.today(from: services.now())))
    }

    func edit(_ request: Request, context: StaffContext) async throws -> Response {
        let flow = try await desk.flow(try key(context), for: context.grant)
        let saved = request.uri.queryParameters.get("saved") != nil
        return try templates.render(DataFlowPage(user: context.user, csrf: context.csrf, flow: flow, form: Form(flow), problems: FormProblems(), saved: saved))
    }

    func save(_ request: Request, context: StaffContext) async throws -> Response {
        let flow = try await desk.flow(try key(context), for: context.grant)
        let form = try await request.decodeForm(as: Form.self, context: context)
        var problems = FormProblems()
        let edited = form.applied(to: flow, problems: &problems)
        var shown: String?
        if problems.isEmpty {
            do {
                // A repeat (Back then Save) is shown the first save and writes no second change to the register.
                shown = try await services.app.repeats.once(form.once, for: context.grant, at: services.now(), fallback: Paths.dataFlow(flow.key, saved: true)) {
                    let refusals = try await desk.update(edited, for: context.grant, at: services.now())
                    guard refusals.isEmpty else { throw UpdateRefused(messages: refusals) }
                    context.logger.info("data flow updated", metadata: ["flow": "\(flow.key)"])
                    return Paths.dataFlow(flow.key, saved: true)
                }
            } catch let refused as UpdateRefused {
                for message in refused.messages { problems.add("name", message) }
            }
        }
        guard let shown, problems.isEmpty else {
            return try templates.render(DataFlowPage(user: context.user, csrf: context.csrf, flow: flow, form: form, problems: problems, saved: false),
                                        status: .unprocessableContent)
        }
        return .redirect(to: shown, type: .normal)
    }

    /// The register's refusals, thrown from inside the one-time save so its token is freed for the corrected form.
    private struct UpdateRefused: Error {
        let messages: [String]
    }

    private func key(_ context: StaffContext) throws -> String {
        guard let key = context.parameters.get("flow"), key.count <= 60 else { throw Refusal.notFound("There is no data flow with that name in the register.") }
        return key
    }
}
