import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Working a sent campaign: print its letters, record each call or knock,
/// and see what it achieved.
struct CampaignWorkController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.recordTrackingWork)
            .get(":campaign/letters", use: letters)
            .post(":campaign/members/:member/outcome", use: recordOutcome)
        routes.requiring(.workQueues)
            .get(":campaign/report", use: report)
        return routes
    }

    struct OutcomeForm: Decodable {
        var outcome: String?
    }

    private var campaigns: CampaignDesk { services.app.campaigns }

    /// One page per young person, each with their own link, code and QR code, ready to print.
    func letters(_ request: Request, context: StaffContext) async throws -> Response {
        let now = services.now()
        let (campaign, printed) = try await campaigns.letters(try CampaignsController.campaignID(context), for: context.grant, at: now)
        let date = CalendarDate.today(from: now).longDescription
        let letters = printed.map { LettersPage.letter($0, date: date) }
        context.logger.info("campaign letters printed", metadata: ["campaign": "\(campaign.id)", "letters": "\(letters.count)", "user": "\(context.user.id)"])
        return try templates.render(LettersPage(
            title: "Letters – \(campaign.name)", letters: letters, laName: services.laName, contact: services.app.serviceContact,
            typingPage: services.app.letterCodes.typingPage))
    }

    func recordOutcome(_ request: Request, context: StaffContext) async throws -> Response {
        guard let campaignID = context.parameters.get("campaign", as: Int64.self) else {
            throw HTTPError(.notFound, message: "There is no sent campaign with that id.")
        }
        guard let memberID = context.parameters.get("member", as: Int64.self) else {
            throw HTTPError(.notFound, message: "That young person is not on this campaign's list.")
        }
        let form = try await request.decodeForm(as: OutcomeForm.self, context: context)
        try await campaigns.recordOutcome(form.outcome, campaign: campaignID, member: memberID, for: context.grant, at: services.now())
        context.logger.info("campaign outcome", metadata: ["campaign": "\(campaignID)", "member": "\(memberID)", "outcome": "\(form.outcome ?? "")"])
        return .redirect(to: Paths.campaignMember(campaign: campaignID, member: memberID), type: .normal)
    }

    func report(_ request: Request, context: StaffContext) async throws -> Response {
        let id = try CampaignsController.campaignID(context)
        if let format = try Downloads.format(request) {
            return Downloads.response(try await campaigns.reportExport(id, format: format, for: context.grant, at: services.now()))
        }
        let (campaign, report) = try await campaigns.report(id, for: context.grant, at: services.now())
        return try templates.render(CampaignReportPage(
            frame: StaffFrame(user: context.user, csrf: context.csrf), campaign: campaign, report: report, downloads: DownloadLinks(request)))
    }
}
