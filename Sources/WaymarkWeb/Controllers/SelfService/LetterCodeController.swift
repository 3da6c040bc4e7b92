import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore

/// Where a letter's short code leads: typed on `/code`, or scanned as
/// `/c/<code>`, it sends the young person on to their self-service page.
/// Every wrong code counts against the client's throttle and reads the same
/// whether the code never existed or has expired.
struct LetterCodeController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get("code", use: show)
            .post("code", use: enter)
            .get("c/:code", use: scanned)
    }

    struct Form: Decodable {
        var code: String?
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        try page(request, context: context, typed: "", problem: nil, status: .ok)
    }

    func enter(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await request.decodeForm(as: Form.self, context: context)
        return try await open(form.code ?? "", request: request, context: context)
    }

    /// The QR code's link: the code in the path, the same checks and throttle as typing it.
    /// A link that holds no code at all is a page that is not there.
    func scanned(_ request: Request, context: WebContext) async throws -> Response {
        try await open(context.parameters.get("code") ?? "", request: request, context: context, unreadable: .notFound)
    }

    private func open(
        _ typed: String, request: Request, context: WebContext, unreadable: HTTPResponse.Status = .unprocessableContent
    ) async throws -> Response {
        let client = ClientAddress.of(request, context: context, trustForwardedFor: services.trustForwardedFor)
        switch try await services.app.letterCodes.open(typed: typed, clientAddress: client, now: services.now()) {
        case .open(let path):
            context.logger.info("letter code opened")
            return .redirect(to: path, type: .normal)
        case .unreadable(let problem):
            return try page(request, context: context, typed: typed, problem: problem.message, status: unreadable)
        case .notRecognised:
            context.logger.info("letter code not recognised")
            return try page(request, context: context, typed: typed, problem: LetterCodePage.notRecognised, status: .notFound)
        case .throttled(let retryAfter):
            context.logger.notice("letter code throttled", metadata: ["retry_after": "\(Int(retryAfter.rounded(.up)))"])
            let seconds = Int(retryAfter.rounded(.up))
            var response = try page(
                request, context: context, typed: typed,
                problem: "Too many codes have been tried from here. Wait \(RetryWait.phrase(seconds: seconds)), then try again, or call us",
                status: .tooManyRequests)
            response.headers[.retryAfter] = String(seconds)
            return response
        }
    }

    private func page(_ request: Request, context: WebContext, typed: String, problem: String?, status: HTTPResponse.Status) throws -> Response {
        let csrf = context.csrfToken ?? request.cookies[CSRFMiddleware.preSessionCookie]?.value ?? SecretToken.make()
        let contact = services.app.serviceContact
        // Only what fits a code is typed back: anything else may be a payload, not a code.
        let echo = typed.utf8.count <= LetterCode.maxTypedLength ? typed : ""
        var response = try templates.render(
            LetterCodePage(laName: services.laName, csrf: csrf, typed: echo, problem: problem, phone: contact.phone), status: status)
        if context.csrfToken == nil {
            response.setCookie(Cookie(name: CSRFMiddleware.preSessionCookie, value: csrf, path: "/", secure: services.secureCookies,
                                      httpOnly: true, sameSite: .strict))
        }
        return response
    }
}
