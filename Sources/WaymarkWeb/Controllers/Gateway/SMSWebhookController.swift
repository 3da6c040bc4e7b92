import Foundation
import Hummingbird
import Logging
import WaymarkApp

/// Where the SMS gateway calls Waymark: delivery reports and texts people
/// send back. Machine to machine, so no session and no CSRF form token: the
/// gateway proves itself with the shared bearer token
/// (`WAYMARK_SMS_GATEWAY_TOKEN`). These routes are added to the router ahead
/// of the session and CSRF middleware for that reason.
///
/// Every answer is plain text. Bad input gets a 4xx saying what was wrong and
/// stores nothing; logs carry outbox message and person ids only, never a
/// number or a text.
struct SMSWebhookController {
    let services: WebServices
    static let maximumBody = 16_384

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .post("webhooks/sms/delivery", use: delivery)
            .post("webhooks/sms/inbound", use: inbound)
    }

    /// `{reference, status: delivered|failed, detail?}`: 200 when it matched a
    /// message, 404 when no message has that reference (the gateway may try
    /// again: the report can overtake the worker recording the reference).
    func delivery(_ request: Request, context: WebContext) async throws -> Response {
        let report: SMSDeliveryReport
        switch await read(request) {
        case .failure(let refusal): return refusal.response
        case .success(let body):
            do {
                report = try SMSDeliveryReport.decode(body)
            } catch {
                return Self.plain(.badRequest, error.message)
            }
        }
        let delivered = report.delivered
        guard let messageID = try await services.app.gateway.deliveryReport(
            reference: report.reference, delivered: delivered, detail: report.detail, at: services.now())
        else {
            return Self.plain(.notFound, "No message has that reference; nothing was stored.")
        }
        context.logger.info("sms delivery report", metadata: ["message": "\(messageID)", "delivered": "\(delivered)"])
        return Self.plain(.ok, "Recorded.")
    }

    /// `{from, text, reference?}`: 200 when the number matched the person last
    /// texted from it; 202 with nothing stored when it matched nobody (so the
    /// gateway does not keep retrying a number Waymark never texted).
    func inbound(_ request: Request, context: WebContext) async throws -> Response {
        let reply: SMSInboundReply
        switch await read(request) {
        case .failure(let refusal): return refusal.response
        case .success(let body):
            do {
                reply = try SMSInboundReply.decode(body)
            } catch {
                return Self.plain(.badRequest, error.message)
            }
        }
        guard let personID = try await services.app.gateway.inboundReply(
            from: reply.from, text: reply.text, reference: reply.reference, at: services.now())
        else {
            context.logger.info("sms reply from a number Waymark has not texted; nothing stored")
            return Self.plain(.accepted, "No text was sent to that number; nothing was stored.")
        }
        context.logger.info("sms reply recorded", metadata: ["person": "\(personID)"])
        return Self.plain(.ok, "Recorded.")
    }

    struct Refusal: Error {
        let response: Response
    }

    /// Checks the token and the size, in that order, and hands back the body for its decoder.
    private func read(_ request: Request) async -> Result<Data, Refusal> {
        guard let expected = services.smsWebhookToken else {
            return .failure(Refusal(response: Self.plain(.notFound, "SMS webhooks are not configured on this server.")))
        }
        let header = request.headers[.authorization] ?? ""
        guard header.hasPrefix("Bearer "), SecretToken.equal(String(header.dropFirst("Bearer ".count)), expected) else {
            return .failure(Refusal(response: Self.plain(.unauthorized, "A valid bearer token is required.")))
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > Self.maximumBody {
            return .failure(Refusal(response: Self.plain(.contentTooLarge, "The body must be at most \(Self.maximumBody) bytes.")))
        }
        do {
            return .success(Data(try await request.body.collect(upTo: Self.maximumBody).readableBytesView))
        } catch {
            return .failure(Refusal(response: Self.plain(.contentTooLarge, "The body must be at most \(Self.maximumBody) bytes.")))
        }
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
