import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// A record's action plan: its page, agreeing its review schedule and
/// recording reviews, goals, steps, moving a step on, and a follow-up made
/// from a step into the adviser's diary. Logs carry ids only.
struct PlanController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.readRecords)
            .get("people/:id/plan", use: show)
            .post("people/:id/plan/schedule", use: schedule)
            .post("people/:id/plan/review", use: review)
            .post("people/:id/plan/goals", use: addGoal)
            .post("people/:id/plan/steps", use: addStep)
            .post("people/:id/plan/steps/:step", use: move)
            .post("people/:id/plan/steps/:step/follow-up", use: followUp)
        return routes
    }

    struct ScheduleForm: Decodable, Sendable { var interval: String? }
    struct MoveForm: Decodable, Sendable { var status: String? }

    private var desk: ActionPlanDesk { services.app.actionPlans }

    static let notices: [String: String] = [
        "schedule": "Plan agreed; the review date is set.",
        "review": "Review recorded; the next review date has moved on.",
        "goal": "Goal added.",
        "step": "Step added.",
        "moved": "Step updated.",
        "follow-up": "Follow-up added to the diary.",
    ]

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let saved = request.uri.queryParameters.get("saved").flatMap { Self.notices[String($0)] }
        return try await page(try context.personID(), context, saved: saved)
    }

    func schedule(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let form = try await request.decodeForm(as: ScheduleForm.self, context: context)
        try await desk.schedule(intervalWeeks: form.interval.flatMap { Int($0) } ?? 0, on: record, at: services.now())
        context.logger.info("plan scheduled", metadata: ["person": "\(record.personID)"])
        return .redirect(to: Self.path(record.personID, saved: "schedule"), type: .normal)
    }

    func review(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        try await desk.review(on: record, at: services.now())
        context.logger.info("plan reviewed", metadata: ["person": "\(record.personID)"])
        return .redirect(to: Self.path(record.personID, saved: "review"), type: .normal)
    }

    func addGoal(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let (form, unread) = try await request.readForm(as: GoalForm.self, context: context)
        let (goal, found) = form.validated()
        var problems = unread
        problems.merge(found)
        guard let goal, problems.isEmpty else { return try await page(record.personID, context, goalForm: form, problems: problems) }
        let shown = try await services.app.repeats.once(form.once, for: context.grant, at: services.now(), fallback: Self.path(record.personID)) {
            let id = try await desk.addGoal(goal, on: record, at: services.now())
            context.logger.info("plan goal added", metadata: ["person": "\(record.personID)", "goal": "\(id)"])
            return Self.path(record.personID, saved: "goal")
        }
        return .redirect(to: shown, type: .normal)
    }

    func addStep(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let (form, unread) = try await request.readForm(as: StepForm.self, context: context)
        let view = try await desk.plan(of: record.personID, for: context.grant, at: services.now())
        let (step, found) = form.validated(today: .today(from: services.now()), goals: view.plan.goals.map(\.id))
        var problems = unread
        problems.merge(found)
        guard let step, problems.isEmpty else { return try await page(record.personID, context, stepForm: form, problems: problems) }
        let shown = try await services.app.repeats.once(form.once, for: context.grant, at: services.now(), fallback: Self.path(record.personID)) {
            let id = try await desk.addStep(step.step, toGoal: step.goalID, on: record, at: services.now())
            context.logger.info("plan step added", metadata: ["person": "\(record.personID)", "step": "\(id)"])
            return Self.path(record.personID, saved: "step")
        }
        return .redirect(to: shown, type: .normal)
    }

    func move(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let id = try stepID(context)
        let form = try await request.decodeForm(as: MoveForm.self, context: context)
        guard let status = form.status.flatMap(StepStatus.init(rawValue:)) else {
            throw HTTPError(.unprocessableContent, message: "Choose what has become of the step.")
        }
        try await desk.move(id, to: status, on: record, at: services.now())
        context.logger.info("plan step moved", metadata: ["person": "\(record.personID)", "step": "\(id)", "status": "\(status.rawValue)"])
        return .redirect(to: Self.path(record.personID, saved: "moved") + "#step-\(id)", type: .normal)
    }

    func followUp(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let id = try stepID(context)
        let followUp = try await desk.followUp(fromStep: id, on: record, at: services.now())
        context.logger.info("follow-up made from plan step", metadata: ["person": "\(record.personID)", "step": "\(id)", "follow-up": "\(followUp)"])
        return .redirect(to: Self.path(record.personID, saved: "follow-up") + "#step-\(id)", type: .normal)
    }

    static func path(_ personID: Int64, saved: String? = nil) -> String {
        "/people/\(personID)/plan" + (saved.map { "?saved=\($0)" } ?? "")
    }

    private func stepID(_ context: StaffContext) throws -> Int64 {
        guard let id = context.parameters.get("step", as: Int64.self) else {
            throw HTTPError(.notFound, message: "That step is not on this young person's plan.")
        }
        return id
    }

    private func page(
        _ personID: Int64, _ context: StaffContext, saved: String? = nil, goalForm: GoalForm = GoalForm(), stepForm: StepForm? = nil,
        problems: FormProblems = FormProblems()
    ) async throws -> Response {
        let view = try await desk.plan(of: personID, for: context.grant, at: services.now())
        let frame = CaseworkFrame(user: context.user, csrf: context.csrf, personID: personID, personName: view.personName, problems: problems)
        let page = PlanPage(view: view, frame: frame, today: .today(from: services.now()), saved: saved, goalForm: goalForm, stepForm: stepForm, problems: problems)
        return try templates.render(page, status: problems.isEmpty ? .ok : .unprocessableContent)
    }
}
