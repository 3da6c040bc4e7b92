import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore

/// The young person's own page, behind their link: first their date of
/// birth (a link in a text can reach the wrong phone), then what is held,
/// their sharing choices and who has opened their record. Refusals read as
/// the link's own do, so nothing is learnt from a guessed link.
struct OwnRecordController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get(":token/you", use: ask)
            .post(":token/you", use: check)
            .post(":token/choices", use: choose)
            .post(":token/own-view", use: rateSelf)
    }

    struct CheckForm: Decodable, Sendable {
        var day: String?
        var month: String?
        var year: String?

        enum CodingKeys: String, CodingKey {
            case day = "dob-day", month = "dob-month", year = "dob-year"
        }

        var date: CalendarDate? {
            guard let day = day.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), let month = month.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                let year = year.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), (1900...2100).contains(year)
            else { return nil }
            return try? CalendarDate(year: year, month: month, day: day)
        }
    }

    struct ChoicesForm: Decodable, Sendable {
        var pass: String?
        var schoolActivity: String?
        var schoolWhere: String?
        var referrals: String?

        enum CodingKeys: String, CodingKey {
            case pass, referrals
            case schoolActivity = "school-activity", schoolWhere = "school-where"
        }

        /// "yes", "no" or "undecided" for each choice; anything else leaves it alone.
        var answers: [OwnChoice: ConsentDecision?] {
            var answers: [OwnChoice: ConsentDecision?] = [:]
            for (choice, text) in [(OwnChoice.schoolSeesActivity, schoolActivity), (.schoolSeesWhere, schoolWhere), (.referrals, referrals)] {
                switch text {
                case "yes": answers[choice] = .some(.permit)
                case "no": answers[choice] = .some(.deny)
                case "undecided": answers[choice] = .some(nil)
                default: break
                }
            }
            return answers
        }
    }

    struct OwnViewForm: Decodable, Sendable {
        var pass: String?
        var rating: [String: String]?
    }

    private var desk: OwnRecordDesk { services.app.ownRecord }

    /// The young person's own ratings: saved as theirs, held for their adviser to talk through.
    func rateSelf(_ request: Request, context: WebContext) async throws -> Response {
        let link = context.parameters.get("token") ?? ""
        let now = services.now()
        if let why = try await desk.refusal(of: link, now: now) { return try refuse(why, context: context) }
        let form = try await request.decodeForm(as: OwnViewForm.self, context: context)
        var ratings: [String: Int] = [:]
        for (key, text) in form.rating ?? [:] { if let value = Int(text) { ratings[key] = value } }
        switch try await desk.rateSelf(ratings, link: link, pass: form.pass, now: now) {
        case .saved:
            context.logger.info("own view given", metadata: ["areas": "\(ratings.count)"])
            return try await own(request, context: context, link: link, pass: form.pass,
                                 notice: "Thank you. Your answers are saved for your adviser, to talk about next time you meet.")
        case .notAdmitted:
            return try self.form(request, context: context, link: link, problem: "For your security, confirm your date of birth again.", status: .unprocessableContent)
        case .invalid(let problems):
            return try await own(request, context: context, link: link, pass: form.pass, notice: nil, ratingProblems: problems, ratings: ratings,
                                 status: .unprocessableContent)
        }
    }

    func ask(_ request: Request, context: WebContext) async throws -> Response {
        let link = context.parameters.get("token") ?? ""
        if let why = try await desk.refusal(of: link, now: services.now()) { return try refuse(why, context: context) }
        return try form(request, context: context, link: link, problem: nil)
    }

    func check(_ request: Request, context: WebContext) async throws -> Response {
        let link = context.parameters.get("token") ?? ""
        let form = try await request.decodeForm(as: CheckForm.self, context: context)
        let now = services.now()
        switch try await desk.check(link: link, dateOfBirth: form.date, now: now) {
        case .passed(let pass):
            return try await own(request, context: context, link: link, pass: pass, notice: nil)
        case .wrong(let left):
            context.logger.info("own record check failed", metadata: ["left": "\(left)"])
            return try self.form(request, context: context, link: link,
                                 problem: "That date of birth does not match our record. Check it and try again (\(left) more \(left == 1 ? "try" : "tries")).",
                                 status: .unprocessableContent)
        case .locked:
            return try templates.render(OwnRecordPage.locked(laName: services.laName), status: .tooManyRequests)
        case .refused(let why):
            return try refuse(why, context: context)
        }
    }

    func choose(_ request: Request, context: WebContext) async throws -> Response {
        let link = context.parameters.get("token") ?? ""
        let now = services.now()
        if let why = try await desk.refusal(of: link, now: now) { return try refuse(why, context: context) }
        let form = try await request.decodeForm(as: ChoicesForm.self, context: context)
        guard try await desk.choose(form.answers, link: link, pass: form.pass, now: now) else {
            return try self.form(request, context: context, link: link, problem: "For your security, confirm your date of birth again.", status: .unprocessableContent)
        }
        context.logger.info("own choices saved", metadata: ["choices": "\(form.answers.count)"])
        return try await own(request, context: context, link: link, pass: form.pass, notice: "Your choices are saved. They apply from now.")
    }

    private func own(
        _ request: Request, context: WebContext, link: String, pass: String?, notice: String?, ratingProblems: [String] = [], ratings: [String: Int] = [:],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let view = try await desk.view(link: link, pass: pass, now: services.now()) else {
            return try form(request, context: context, link: link, problem: "For your security, confirm your date of birth again.", status: .unprocessableContent)
        }
        let csrf = context.csrfToken ?? request.cookies[CSRFMiddleware.preSessionCookie]?.value ?? ""
        return try templates.render(
            OwnRecordPage.own(
                laName: services.laName, csrf: csrf, link: link, view: view, notice: notice, now: services.now(), ratingProblems: ratingProblems, ratings: ratings),
            status: status)
    }

    private func form(_ request: Request, context: WebContext, link: String, problem: String?, status: HTTPResponse.Status = .ok) throws -> Response {
        let csrf = context.csrfToken ?? request.cookies[CSRFMiddleware.preSessionCookie]?.value ?? SecretToken.make()
        var response = try templates.render(OwnRecordPage.check(laName: services.laName, csrf: csrf, link: link, problem: problem), status: status)
        if context.csrfToken == nil && request.cookies[CSRFMiddleware.preSessionCookie] == nil {
            response.setCookie(Cookie(name: CSRFMiddleware.preSessionCookie, value: csrf, path: "/", secure: services.secureCookies, httpOnly: true, sameSite: .strict))
        }
        return response
    }

    private func refuse(_ why: SelfServiceRefusal, context: WebContext) throws -> Response {
        context.logger.info("own record link refused", metadata: ["reason": "\(why.rawValue)"])
        return try templates.render(SelfServicePage.refused(laName: services.laName), status: why == .expired ? .gone : .notFound)
    }
}
