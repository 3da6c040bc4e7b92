import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Self-declared answers waiting for a tracking officer: verify in one click
/// (the activity, phone, e-mail and preference are recorded together) or reject.
struct AnswersController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.workQueues).get("", use: list)
        routes.requiring(.recordTrackingWork)
            .post(":answer/verify", use: verify)
            .post(":answer/reject", use: reject)
        return routes
    }

    private var answers: AnswerDesk { services.app.answers }

    func list(_ request: Request, context: StaffContext) async throws -> Response {
        let query = request.uri.queryParameters
        let notice = query.get("verified").map { _ in "Answer verified: the activity is now on the record." }
            ?? query.get("rejected").map { _ in "Answer rejected; nothing was changed on the record." }
        return try await page(context, notice: notice, problem: nil)
    }

    func verify(_ request: Request, context: StaffContext) async throws -> Response {
        let id = try answerID(context)
        switch try await answers.verify(id, for: context.grant, at: services.now()) {
        case nil:
            throw HTTPError(.notFound, message: "There is no answer with that id in the records you can see.")
        case .verified(let personID):
            context.logger.info("self-declared answer verified", metadata: ["answer": "\(id)", "person": "\(personID)"])
            return .redirect(to: Paths.answers(verified: id), type: .normal)
        case .alreadySettled:
            return .redirect(to: Paths.answers, type: .normal)
        case .needsCompleting(let personID, let problems):
            let problem = AnswersPage.Problem(
                answerID: id, personID: personID,
                message: "This answer cannot be verified as it stands: " + problems.joined(separator: "; ")
                    + ". Record the activity on the young person's record instead, then reject this answer.")
            return try await page(context, notice: nil, problem: problem, status: .unprocessableContent)
        }
    }

    func reject(_ request: Request, context: StaffContext) async throws -> Response {
        let id = try answerID(context)
        guard try await answers.reject(id, for: context.grant, at: services.now()) else { return .redirect(to: Paths.answers, type: .normal) }
        context.logger.info("self-declared answer rejected", metadata: ["answer": "\(id)"])
        return .redirect(to: Paths.answers(rejected: id), type: .normal)
    }

    private func answerID(_ context: StaffContext) throws -> Int64 {
        guard let id = context.parameters.get("answer", as: Int64.self) else {
            throw HTTPError(.notFound, message: "There is no answer with that id in the records you can see.")
        }
        return id
    }

    private func page(_ context: StaffContext, notice: String?, problem: AnswersPage.Problem?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let awaiting = try await answers.awaiting(for: context.grant, at: services.now())
        return try templates.render(
            AnswersPage(frame: StaffFrame(user: context.user, csrf: context.csrf), answers: awaiting, notice: notice, problem: problem),
            status: status)
    }
}
