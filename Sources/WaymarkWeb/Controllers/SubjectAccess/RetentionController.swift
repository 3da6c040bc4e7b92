import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The retention policy and what a run today would do, counted per class:
/// a dry run computed by a job (it reads every record old enough), never in
/// the request. Erasing is `waymark retention run`, not a button.
struct RetentionController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.runRetention)
            .get(RouterPath(Paths.retention), use: show)
            .post(RouterPath(Paths.retention), use: recount)
        return routes
    }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let view = try await services.app.retentionReview.report(for: context.grant, at: services.now())
        return try templates.render(RetentionPage(user: context.user, csrf: context.csrf, view: view))
    }

    func recount(_ request: Request, context: StaffContext) async throws -> Response {
        _ = try await request.decodeForm(as: EmptyForm.self, context: context)
        try await services.app.retentionReview.recount(for: context.grant, at: services.now())
        return .redirect(to: Paths.retention, type: .normal)
    }

    struct EmptyForm: Decodable {}
}

struct RetentionPage: PageModel {
    static let template = "retention"

    struct Rule: Sendable {
        let label: String
        let until: String
        let then: String
    }

    struct Count: Sendable {
        let label: String
        let erased: String
        let anonymised: String
        let keptLonger: String
    }

    let title = "Retention"
    let userName: String
    let role: String
    let csrf: String
    let rules: [Rule]
    let job: JobPanel
    let hasReport: Bool
    let day: String
    let examined: String
    let erased: String
    let anonymised: String
    let keptLonger: String
    let counts: [Count]

    init(user: StoredUser, csrf: String, view: RetentionView) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        rules = SensitivityClass.allCases.map { dataClass in
            let rule = view.policy.rule(for: dataClass)
            return Rule(label: dataClass.label, until: "the \(Self.ordinal(rule.keepUntilAge)) birthday",
                        then: rule.end == .erase ? "Erased" : "Kept without identity, for statistics")
        }
        job = JobPanel(view.job, work: "counting what the policy would remove", result: "Counts", refreshURL: Paths.retention)
        let report = view.report
        hasReport = report != nil
        day = report?.day.longDescription ?? ""
        examined = (report?.examined ?? 0).formatted()
        erased = (report?.erased ?? 0).formatted()
        anonymised = (report?.anonymised ?? 0).formatted()
        keptLonger = (report?.keptLonger ?? 0).formatted()
        counts = report?.classes.map { count in
            Count(label: count.dataClass.label, erased: count.erased.formatted(), anonymised: count.anonymised.formatted(),
                  keptLonger: count.keptLonger.formatted())
        } ?? []
    }

    /// 25th, 31st, 42nd, 111th.
    static func ordinal(_ number: Int) -> String {
        let suffix = (11...13).contains(number % 100) ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][number % 10]
        return "\(number)\(suffix)"
    }
}
