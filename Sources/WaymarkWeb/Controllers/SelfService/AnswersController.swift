import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// Self-declared answers waiting for a tracking officer: verify in one click
/// (the activity, phone, e-mail and preference are recorded together) or reject.
struct AnswersController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get("", use: list)
            .post(":answer/verify", use: verify)
            .post(":answer/reject", use: reject)
    }

    func list(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.workQueues)
        let query = request.uri.queryParameters
        let notice = query.get("verified").map { _ in "Answer verified: the activity is now on the record." }
            ?? query.get("rejected").map { _ in "Answer rejected; nothing was changed on the record." }
        return try await page(user: user, scope: scope, context: context, notice: notice, problem: nil)
    }

    func verify(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.recordTrackingWork)
        let id = try answerID(context)
        let result = try await desk.verify(id, by: user.id, scope: scope, now: services.now())
        switch result {
        case nil:
            throw HTTPError(.notFound, message: "There is no answer with that id in the records you can see.")
        case .verified(let personID):
            context.logger.info("self-declared answer verified", metadata: ["answer": "\(id)", "person": "\(personID)"])
            return .redirect(to: "/answers?verified=\(id)", type: .normal)
        case .alreadySettled:
            return .redirect(to: "/answers", type: .normal)
        case .needsCompleting(let personID, let problems):
            let problem = AnswersPage.Problem(
                answerID: id, personID: personID,
                message: "This answer cannot be verified as it stands: " + problems.joined(separator: "; ")
                    + ". Record the activity on the young person's record instead, then reject this answer.")
            return try await page(user: user, scope: scope, context: context, notice: nil, problem: problem, status: .unprocessableContent)
        }
    }

    func reject(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.recordTrackingWork)
        let id = try answerID(context)
        guard try await desk.reject(id, by: user.id, scope: scope, now: services.now()) else { return .redirect(to: "/answers", type: .normal) }
        context.logger.info("self-declared answer rejected", metadata: ["answer": "\(id)"])
        return .redirect(to: "/answers?rejected=\(id)", type: .normal)
    }

    private var desk: SelfServiceDesk {
        SelfServiceDesk(store: services.store, links: services.selfServiceLinks, registry: services.registry)
    }

    private func answerID(_ context: WebContext) throws -> Int64 {
        guard let id = context.parameters.get("answer", as: Int64.self) else {
            throw HTTPError(.notFound, message: "There is no answer with that id in the records you can see.")
        }
        return id
    }

    private func page(user: StoredUser, scope: RecordScope, context: WebContext, notice: String?, problem: AnswersPage.Problem?,
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let answers = try await SelfServiceAnswerQueries(store: services.store).awaiting(in: scope)
        return try templates.render(
            AnswersPage(frame: StaffFrame(user: user, csrf: context.csrfToken ?? ""), answers: answers, notice: notice, problem: problem),
            status: status)
    }
}
