import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// Working a sent campaign: print its letters, record each call or knock,
/// and see what it achieved.
struct CampaignWorkController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get(":campaign/letters", use: letters)
            .post(":campaign/members/:member/outcome", use: recordOutcome)
            .get(":campaign/report", use: report)
    }

    struct OutcomeForm: Decodable {
        var outcome: String?
    }

    /// One page per young person, each with their own link, ready to print.
    func letters(_ request: Request, context: WebContext) async throws -> Response {
        let (user, _) = try context.require(.recordTrackingWork)
        let campaign = try await sentCampaign(context, channel: .letter)
        let now = services.now()
        let members = try await CampaignQueries(store: services.store).members(of: campaign.id).filter(\.included)
        let reach = try await ContactFactsQuery(store: services.store).reach(for: members.map(\.personID), on: CalendarDate.today(from: now))
        let links = services.selfServiceLinks
        var letters: [LettersPage.Letter] = []
        for member in members {
            let details = reach[member.personID]
            var values = ["given_name": member.givenName, "family_name": member.familyName, "la_name": services.laName]
            values[CampaignTemplate.linkField] = try await links.url(personID: member.personID, campaignMemberID: member.id, now: now)
            let body = (try? CampaignTemplate(campaign.body).render(values)) ?? campaign.body
            letters.append(LettersPage.Letter(
                name: "\(member.givenName) \(member.familyName)", addressLines: (details?.addressLines ?? []) + [details?.postcode].compactMap { $0 },
                date: CalendarDate.today(from: now).longDescription, paragraphs: body.components(separatedBy: "\n\n")))
        }
        context.logger.info("campaign letters printed", metadata: ["campaign": "\(campaign.id)", "letters": "\(letters.count)", "user": "\(user.id)"])
        return try templates.render(LettersPage(title: "Letters – \(campaign.name)", letters: letters, laName: services.laName))
    }

    func recordOutcome(_ request: Request, context: WebContext) async throws -> Response {
        let (user, _) = try context.require(.recordTrackingWork)
        guard let campaignID = context.parameters.get("campaign", as: Int64.self),
            let campaign = try await CampaignQueries(store: services.store).campaign(campaignID), campaign.status == .sent
        else { throw HTTPError(.notFound, message: "There is no sent campaign with that id.") }
        let form = try await request.decodeForm(as: OutcomeForm.self, context: context)
        guard let choice = CampaignOutcomes.choices(for: campaign.channel).first(where: { $0.key == form.outcome }) else {
            throw HTTPError(.unprocessableContent, message: "outcome: choose one of the outcomes listed for a \(campaign.channel.meaning.lowercased()).")
        }
        guard let memberID = context.parameters.get("member", as: Int64.self),
            let member = try await CampaignQueries(store: services.store).member(memberID), member.campaignID == campaign.id
        else { throw HTTPError(.notFound, message: "That young person is not on this campaign's list.") }
        let method: NewContact.Method = campaign.channel == .phone ? .phone : .visit
        try await services.store.change(by: .user(user.id), at: services.now()) { tx in
            try await tx.recordMemberOutcome(
                memberID: memberID, personID: member.personID, outcome: choice.label, responded: choice.responded,
                contact: NewContact(occurredAt: services.now(), method: method, direction: .outbound, outcome: choice.label,
                                    summary: "campaign \(campaign.id)"))
        }
        context.logger.info("campaign outcome", metadata: ["campaign": "\(campaign.id)", "member": "\(memberID)", "outcome": "\(choice.key)"])
        return .redirect(to: "/campaigns/\(campaign.id)#member-\(memberID)", type: .normal)
    }

    func report(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.workQueues)
        let campaign = try await sentCampaign(context, channel: nil)
        let report = try await CampaignReportBuilder(store: services.store, classifier: services.classifier)
            .report(for: campaign, scope: scope, now: services.now())
        return try templates.render(CampaignReportPage(frame: StaffFrame(user: user, csrf: context.csrfToken ?? ""), campaign: campaign, report: report))
    }

    private func sentCampaign(_ context: WebContext, channel: ContactChannel?) async throws -> StoredCampaign {
        guard let id = context.parameters.get("campaign", as: Int64.self), let campaign = try await CampaignQueries(store: services.store).campaign(id),
            campaign.status == .sent, channel == nil || campaign.channel == channel
        else { throw HTTPError(.notFound, message: "There is no sent campaign with that id and channel.") }
        return campaign
    }
}
