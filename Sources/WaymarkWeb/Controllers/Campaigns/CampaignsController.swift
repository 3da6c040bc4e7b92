import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkStore

/// Campaigns: start one from a tracking queue, check who it will reach and
/// what they will read, send it once, then work its list.
struct CampaignsController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get("", use: list)
            .get("new", use: new)
            .post("", use: create)
            .get(":campaign", use: show)
            .post(":campaign/send", use: send)
    }

    func list(_ request: Request, context: WebContext) async throws -> Response {
        let (user, _) = try context.require(.workQueues)
        let campaigns = try await CampaignQueries(store: services.store).campaigns()
        return try templates.render(CampaignsPage(frame: StaffFrame(user: user, csrf: context.csrfToken ?? ""), campaigns: campaigns))
    }

    /// The form, reached from a queue: the queue's filters are carried over as the saved audience.
    func new(_ request: Request, context: WebContext) async throws -> Response {
        let (user, _) = try context.require(.recordTrackingWork)
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
        return try templates.render(NewCampaignPage(frame: StaffFrame(user: user, csrf: context.csrfToken ?? ""), form: form, channel: channel,
                                                    problems: FormProblems()))
    }

    func create(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.recordTrackingWork)
        let form = try await request.decodeForm(as: CampaignForm.self, context: context)
        if let audience = try? CampaignAudience(queryString: form.audience ?? ""),
            !AccessGrant(user: user, scope: scope).mayFilter(by: audience.filter.characteristic)
        {
            throw QueuesController.restrictedFilter
        }
        let (campaign, problems) = form.validated()
        guard let campaign else {
            let channel = form.channel.flatMap(ContactChannel.init(rawValue:)) ?? .sms
            let page = NewCampaignPage(frame: StaffFrame(user: user, csrf: context.csrfToken ?? "", problems: problems), form: form,
                                       channel: channel, problems: problems)
            return try templates.render(page, status: .unprocessableContent)
        }
        let id = try await services.store.change(by: .user(user.id), at: services.now()) { tx in try await tx.createCampaign(campaign) }
        context.logger.info("campaign drafted", metadata: ["campaign": "\(id)", "channel": "\(campaign.channel.rawValue)"])
        return .redirect(to: "/campaigns/\(id)", type: .normal)
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.workQueues)
        let campaign = try await load(context)
        let now = services.now()
        let summary: CampaignPlanSummary
        var members: [CampaignMemberRow] = []
        var reach: [Int64: ReachDetails] = [:]
        var sample: (subject: String?, body: String) = (campaign.subject, campaign.body)
        if campaign.status == .draft {
            let audience = try audience(of: campaign)
            let plan = try await planner.plan(audience, channel: campaign.channel, scope: scope, now: now)
            summary = CampaignPlanSummary(plan)
            if let first = plan.first(where: { if case .skip = $0.decision { false } else { true } }) {
                sample = try self.sample(campaign, for: first.entry.member)
            }
        } else {
            members = try await CampaignQueries(store: services.store).members(of: campaign.id)
            reach = try await ContactFactsQuery(store: services.store).reach(for: members.map(\.personID), on: CalendarDate.today(from: now))
            summary = CampaignPlanSummary(members: members)
        }
        let sent = request.uri.queryParameters.get("sent").flatMap { Int($0) }
        return try templates.render(CampaignPage(
            frame: StaffFrame(user: user, csrf: context.csrfToken ?? ""), campaign: campaign, summary: summary, sample: sample,
            members: members, reach: reach, sent: sent))
    }

    func send(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.recordTrackingWork)
        let campaign = try await load(context)
        let sender = CampaignSender(store: services.store, planner: planner, laName: services.laName)
        let summary: CampaignPlanSummary
        do {
            summary = try await sender.send(campaign.id, by: user.id, scope: scope, now: services.now())
        } catch let error as CampaignSendError {
            throw HTTPError(error == .notFound ? .notFound : .conflict, message: error.description)
        }
        context.logger.info("campaign sent", metadata: ["campaign": "\(campaign.id)", "contacted": "\(summary.contacted)"])
        return .redirect(to: "/campaigns/\(campaign.id)?sent=\(summary.contacted)", type: .normal)
    }

    var planner: CampaignPlanner { CampaignPlanner(store: services.store, classifier: services.classifier) }

    func load(_ context: WebContext) async throws -> StoredCampaign {
        guard let id = context.parameters.get("campaign", as: Int64.self), let campaign = try await CampaignQueries(store: services.store).campaign(id)
        else { throw HTTPError(.notFound, message: "There is no campaign with that id.") }
        return campaign
    }

    func audience(of campaign: StoredCampaign) throws -> CampaignAudience {
        do { return try CampaignAudience(queryString: campaign.audience) } catch {
            throw HTTPError(.conflict, message: "This campaign's list cannot be read: \(error.description).")
        }
    }

    /// The message as the first person will read it; the link is shown as a placeholder because it is made at sending.
    func sample(_ campaign: StoredCampaign, for member: CaseloadMember) throws -> (subject: String?, body: String) {
        var values = CampaignSender(store: services.store, planner: planner, laName: services.laName).mergeValues(member)
        values[CampaignTemplate.linkField] = services.publicURL + "/s/…"
        do throws(CampaignTemplateError) {
            var subject: String?
            if let written = campaign.subject { subject = try CampaignTemplate(written).render(values) }
            return (subject, try CampaignTemplate(campaign.body).render(values))
        } catch {
            throw HTTPError(.conflict, message: "This campaign's message cannot be read: \(error.description).")
        }
    }
}
