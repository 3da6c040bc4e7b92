import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Campaigns: start one from a tracking queue, check who it will reach and
/// what they will read, send it once, then work its list.
struct CampaignsController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.workQueues)
            .get("", use: list)
            .get(":campaign", use: show)
        routes.requiring(.recordTrackingWork)
            .get("new", use: new)
            .post("", use: create)
            .post(":campaign/send", use: send)
        return routes
    }

    private var campaigns: CampaignDesk { services.app.campaigns }

    func list(_ request: Request, context: StaffContext) async throws -> Response {
        let campaigns = try await campaigns.campaigns(for: context.grant)
        return try templates.render(CampaignsPage(frame: StaffFrame(user: context.user, csrf: context.csrf), campaigns: campaigns))
    }

    /// The form, reached from a queue: the queue's filters are carried over as the saved audience.
    func new(_ request: Request, context: StaffContext) async throws -> Response {
        let query = request.uri.queryParameters
        let channel = query.get("channel").flatMap { ContactChannel(rawValue: String($0)) } ?? .sms
        var audienceParts: [String] = []
        for name in ["queue", "days", "school", "adviser", "ward", "characteristic"] {
            if let value = query.get(name), !value.isEmpty {
                audienceParts.append("\(name)=\(String(value).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
            }
        }
        let audience = (try? CampaignAudience(queryString: audienceParts.joined(separator: "&"))) ?? CampaignAudience(queue: .notKnown)
        let form = CampaignForm(
            name: "\(audience.queue.title) – \(channel.meaning.lowercased())", channel: channel.rawValue, audience: audience.queryString,
            subject: channel == .email ? CampaignForm.suggestedSubject : nil, body: CampaignForm.suggestedBody(channel))
        return try templates.render(NewCampaignPage(frame: StaffFrame(user: context.user, csrf: context.csrf), form: form, channel: channel,
                                                    problems: FormProblems()))
    }

    func create(_ request: Request, context: StaffContext) async throws -> Response {
        let (form, unread) = try await request.readForm(as: CampaignForm.self, context: context)
        var (campaign, problems) = form.validated()
        problems.merge(unread)
        guard let campaign, unread.isEmpty else {
            let channel = form.channel.flatMap(ContactChannel.init(rawValue:)) ?? .sms
            let page = NewCampaignPage(frame: StaffFrame(user: context.user, csrf: context.csrf, problems: problems), form: form,
                                       channel: channel, problems: problems)
            return try templates.render(page, status: .unprocessableContent)
        }
        let shown = try await services.app.repeats.once(form.once, for: context.grant, at: services.now(), fallback: "/campaigns") {
            let id = try await campaigns.create(campaign, for: context.grant, at: services.now())
            context.logger.info("campaign drafted", metadata: ["campaign": "\(id)", "channel": "\(campaign.channel.rawValue)"])
            return Paths.campaign(id)
        }
        return .redirect(to: shown, type: .normal)
    }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let id = try Self.campaignID(context)
        if let format = try Downloads.format(request) {
            return Downloads.response(try await campaigns.membersExport(id, format: format, for: context.grant, at: services.now()))
        }
        let view = try await campaigns.campaign(id, for: context.grant, at: services.now())
        let sent = request.uri.queryParameters.get("sent").flatMap { Int($0) }
        var page = CampaignPage(
            frame: StaffFrame(user: context.user, csrf: context.csrf), campaign: view.campaign, summary: view.summary, sample: view.sample,
            members: view.members, reach: view.reach, sent: sent, sendingReach: services.sendingReach)
        if !view.members.isEmpty { page.downloads = DownloadLinks(path: Paths.campaign(id)) }
        return try templates.render(page)
    }

    func send(_ request: Request, context: StaffContext) async throws -> Response {
        let id = try Self.campaignID(context)
        let summary = try await campaigns.send(id, for: context.grant, at: services.now())
        context.logger.info("campaign sent", metadata: ["campaign": "\(id)", "contacted": "\(summary.contacted)"])
        return .redirect(to: Paths.campaign(id, sent: summary.contacted), type: .normal)
    }

    static func campaignID(_ context: StaffContext) throws -> Int64 {
        guard let id = context.parameters.get("campaign", as: Int64.self) else { throw HTTPError(.notFound, message: "There is no campaign with that id.") }
        return id
    }
}
