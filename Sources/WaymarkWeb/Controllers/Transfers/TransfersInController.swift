import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkFormats
import WaymarkRecords

/// Packages from other authorities: upload (checked whole, refused naming
/// field and rule, or kept and acknowledged), then each one's page to
/// accept — adding or linking the young person — or decline with a reason.
struct TransfersInController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.transferPeople)
            .get("", use: list)
            .post("", use: upload)
            .post("acknowledgements", use: importAcknowledgement)
            .get(":transfer", use: show)
            .get(":transfer/acknowledgement", use: downloadAcknowledgement)
            .post(":transfer/accept", use: accept)
            .post(":transfer/decline", use: decline)
        return routes
    }

    func list(_ request: Request, context: StaffContext) async throws -> Response {
        let received = request.uri.queryParameters.get("received", as: Int64.self)
        let answered = request.uri.queryParameters.get("answered", as: Int64.self)
        return try await page(context, acknowledged: received, answered: answered, problems: [], status: .ok)
    }

    func page(
        _ context: StaffContext, acknowledged: Int64?, answered: Int64? = nil, problems: [String] = [], answerProblems: [String] = [],
        status: HTTPResponse.Status
    ) async throws -> Response {
        let desk = services.app.transfers
        let transfers = try await desk.received(for: context.grant)
        let sent = try await desk.acknowledged(for: context.grant)
        let page = TransfersPage(
            user: context.user, csrf: context.csrf, transfers: transfers, acknowledged: transfers.first { $0.id == acknowledged },
            answered: sent, answeredID: answered, laName: desk.laName, problems: problems, answerProblems: answerProblems)
        return try templates.render(page, status: status)
    }

    /// The signed acknowledgement of a package decided here, to send back (ids only).
    func downloadAcknowledgement(_ request: Request, context: StaffContext) async throws -> Response {
        let id = try transferID(context)
        let file = try await services.app.transfers.acknowledgement(for: context.grant, id: id, at: services.now())
        context.logger.notice("transfer acknowledgement made", metadata: ["transfer": "\(id)", "user": "\(context.user.id)"])
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.contentDisposition] = "attachment; filename=\"\(file.fileName)\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }

    /// The receiving authority's acknowledgement of a package sent from here.
    func importAcknowledgement(_ request: Request, context: StaffContext) async throws -> Response {
        let form = try await UploadForm.read(request, csrf: context.csrf, limit: TransferLimits.acknowledgement.maxFileBytes + 64 * 1024)
        guard let file = form.files["answer"], !file.data.isEmpty else {
            return try await page(context, acknowledged: nil, answerProblems: ["Choose an acknowledgement file to upload"], status: .unprocessableContent)
        }
        do {
            let done = try await services.app.transfers.acknowledge(for: context.grant, file: file.data, at: services.now())
            context.logger.notice(
                "transfer acknowledged", metadata: ["transfer": "\(done.transferID)", "by": "\(done.byLA)", "decision": "\(done.decision)", "user": "\(context.user.id)"])
            return .redirect(to: "/transfers?answered=\(done.transferID)#answers", type: .normal)
        } catch let refused as TransferRefused {
            let lines = refused.problems.map { "\($0.field): \($0.message) [\($0.rule)]" }
            return try await page(
                context, acknowledged: nil, answerProblems: ["\(file.fileName) was refused and nothing was changed."] + lines, status: .unprocessableContent)
        }
    }

    func upload(_ request: Request, context: StaffContext) async throws -> Response {
        let form = try await UploadForm.read(request, csrf: context.csrf, limit: TransferLimits.standard.maxFileBytes + 64 * 1024)
        guard let file = form.files["file"], !file.data.isEmpty else {
            return try await page(context, acknowledged: nil, problems: ["Choose a transfer file to upload"], status: .unprocessableContent)
        }
        do {
            let receipt = try await services.app.transfers.receive(for: context.grant, file: file.data, at: services.now())
            context.logger.notice("transfer received", metadata: ["transfer": "\(receipt.transferID)", "from": "\(receipt.fromLA)", "user": "\(context.user.id)"])
            return .redirect(to: "/transfers?received=\(receipt.transferID)", type: .normal)
        } catch let refused as TransferRefused {
            let lines = refused.problems.map { "\($0.field): \($0.message) [\($0.rule)]" }
            return try await page(context, acknowledged: nil, problems: ["\(file.fileName) was refused and nothing was kept."] + lines, status: .unprocessableContent)
        }
    }

    func transferID(_ context: StaffContext) throws -> Int64 {
        guard let id = context.parameters.get("transfer", as: Int64.self) else { throw HTTPError(.notFound, message: "There is no such transfer.") }
        return id
    }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let view = try await services.app.transfers.transferInView(for: context.grant, id: try transferID(context), at: services.now())
        return try templates.render(TransferInPage(user: context.user, csrf: context.csrf, view: view))
    }

    struct AcceptForm: Decodable, Sendable {
        var choice: String?
    }

    func accept(_ request: Request, context: StaffContext) async throws -> Response {
        let id = try transferID(context)
        let form = try await request.decodeForm(as: AcceptForm.self, context: context)
        let choice: TransferAcceptChoice
        switch form.choice {
        case "create": choice = .createNew
        case let value? where value.hasPrefix("link:"):
            guard let person = Int64(value.dropFirst(5)) else { throw Refusal.invalid("choice: not a young person's record") }
            choice = .link(personID: person)
        default: choice = .asMatched
        }
        let accepted = try await services.app.transfers.accept(for: context.grant, id: id, choice: choice, at: services.now())
        context.logger.notice("transfer accepted", metadata: ["transfer": "\(id)", "person": "\(accepted.personID)", "user": "\(context.user.id)"])
        return .redirect(to: "/people/\(accepted.personID)", type: .normal)
    }

    struct DeclineForm: Decodable, Sendable {
        var reason: String?
    }

    func decline(_ request: Request, context: StaffContext) async throws -> Response {
        let id = try transferID(context)
        let form = try await request.decodeForm(as: DeclineForm.self, context: context)
        try await services.app.transfers.decline(for: context.grant, id: id, reason: form.reason ?? "", at: services.now())
        context.logger.notice("transfer declined", metadata: ["transfer": "\(id)", "user": "\(context.user.id)"])
        return .redirect(to: "/transfers", type: .normal)
    }
}
