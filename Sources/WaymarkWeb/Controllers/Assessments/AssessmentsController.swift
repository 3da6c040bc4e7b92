import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// A record's assessments: the rings and their table, starting one, and a
/// draft's form (saved as it goes, then completed once). The log carries
/// the record's and the assessment's ids only.
struct AssessmentsController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.readRecords)
            .get("people/:id/assessments", use: list)
            .post("people/:id/assessments", use: start)
            .get("people/:id/assessments/:assessment", use: show)
            .post("people/:id/assessments/:assessment", use: save)
        return routes
    }

    struct StartForm: Decodable, Sendable {
        var instrument: String?
    }

    struct RatingForm: Decodable, Sendable {
        var rating: [String: String]?
        var summary: String?
        var action: String?
    }

    private var desk: AssessmentDesk { services.app.assessments }

    func list(_ request: Request, context: StaffContext) async throws -> Response {
        let personID = try context.personID()
        let view = try await desk.assessments(of: personID, for: context.grant, at: services.now())
        let frame = CaseworkFrame(user: context.user, csrf: context.csrf, personID: personID, personName: view.personName, problems: FormProblems())
        let saved: String? = switch request.uri.queryParameters.get("saved").map { String($0) } ?? "" {
        case "completed": "Completed. It is kept as it is now; the next one with this assessment will be a review."
        case "draft": "Draft saved."
        default: nil
        }
        return try templates.render(AssessmentsPage(view: view, frame: frame, saved: saved))
    }

    func start(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let form = try await request.decodeForm(as: StartForm.self, context: context)
        let id = try await desk.start(form.instrument ?? "", on: record, at: services.now())
        context.logger.info("assessment started", metadata: ["person": "\(record.personID)", "assessment": "\(id)"])
        return .redirect(to: "/people/\(record.personID)/assessments/\(id)", type: .normal)
    }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let personID = try context.personID()
        let id = try assessmentID(context)
        let detail = try await desk.detail(id, of: personID, for: context.grant, at: services.now())
        let mayChange = (try? await context.recordForChange(services)) != nil
        let frame = CaseworkFrame(user: context.user, csrf: context.csrf, personID: personID, personName: detail.personName, problems: FormProblems())
        return try templates.render(AssessmentPage(detail: detail, frame: frame, mayChange: mayChange))
    }

    func save(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let id = try assessmentID(context)
        let (form, unread) = try await request.readForm(as: RatingForm.self, context: context)
        var problems = unread
        var ratings: [String: Int] = [:]
        for (key, text) in form.rating ?? [:] {
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                problems.add("rating-\(key)", "Choose one of the ratings")
                continue
            }
            ratings[key] = value
        }
        let complete = form.action == "complete"
        let detail = try await desk.detail(id, of: record.personID, for: context.grant, at: services.now())
        if !detail.assessment.isCompleted {
            for problem in RatingsCheck.problems(ratings, against: detail.instrument, complete: complete) {
                problems.add("rating-\(problem.field)", problem.rule)
            }
            if (form.summary?.count ?? 0) > 2_000 { problems.add("summary", "What you agreed must be at most 2,000 characters") }
        }
        guard problems.isEmpty else {
            let frame = CaseworkFrame(user: context.user, csrf: context.csrf, personID: record.personID, personName: detail.personName, problems: problems)
            return try templates.render(
                AssessmentPage(detail: detail, frame: frame, mayChange: true, ratings: ratings, summary: form.summary, problems: problems),
                status: .unprocessableContent)
        }
        try await desk.save(id, ratings: ratings, summary: form.summary, complete: complete, on: record, at: services.now())
        context.logger.info(complete ? "assessment completed" : "assessment draft saved", metadata: ["person": "\(record.personID)", "assessment": "\(id)"])
        return .redirect(to: "/people/\(record.personID)/assessments?saved=\(complete ? "completed" : "draft")", type: .normal)
    }

    private func assessmentID(_ context: StaffContext) throws -> Int64 {
        guard let id = context.parameters.get("assessment", as: Int64.self) else {
            throw HTTPError(.notFound, message: "That assessment is not on this young person's record.")
        }
        return id
    }
}
