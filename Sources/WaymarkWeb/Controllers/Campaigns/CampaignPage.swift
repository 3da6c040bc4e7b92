import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// One campaign: before sending, who it will reach and what they will read;
/// after, everyone it considered and, for calls and visits, the outcome
/// buttons the officer works down.
struct CampaignPage: PageModel {
    static let template = "campaign"

    struct Skip: Sendable {
        let reason: String
        /// As shown: "1,204".
        let count: String
    }

    struct Member: Sendable {
        let id: Int64
        let personID: Int64
        let name: String
        let contact: String
        let state: String
        let outcome: String?
        let canRecord: Bool
    }

    struct Round: Sendable {
        let area: String
        let members: [Member]
    }

    struct Outcome: Sendable {
        let value: String
        let label: String
    }

    let title: String
    let frame: StaffFrame
    let id: Int64
    /// The same id under a name the member rows do not shadow.
    let campaignID: Int64
    let name: String
    let channel: String
    let audience: String
    let audienceLink: String
    let isDraft: Bool
    let contacted: String
    let waiting: String
    let hasWaiting: Bool
    let skipped: [Skip]
    let sampleSubject: String?
    let sampleBody: String
    let isLetter: Bool
    let isHandWorked: Bool
    let rounds: [Round]
    let outcomes: [Outcome]
    let sentMessage: String?
    /// Where the campaign's messages really are (queued, sent, failed…), never "contacted" for what only waits.
    let progress: String
    let gatewayWarning: String?
    /// The members as CSV and as a workbook, once the campaign is sent.
    var downloads: DownloadLinks?

    init(frame: StaffFrame, campaign: StoredCampaign, summary: CampaignPlanSummary, sample: (subject: String?, body: String),
         members: [CampaignMemberRow], reach: [Int64: ReachDetails], sent: Int?, sendingReach: SendingReach) {
        title = "Campaign – \(campaign.name)"
        self.frame = frame
        id = campaign.id
        campaignID = campaign.id
        name = campaign.name
        channel = campaign.channel.meaning
        let parsed = try? CampaignAudience(queryString: campaign.audience)
        audience = parsed?.summary ?? "–"
        audienceLink = "/queues?" + campaign.audience
        isDraft = campaign.status == .draft
        contacted = summary.contacted.formatted()
        waiting = summary.waitingForQuietHours.formatted()
        hasWaiting = summary.waitingForQuietHours > 0
        skipped = summary.skipped.map { Skip(reason: $0.reason, count: $0.count.formatted()) }
        sampleSubject = sample.subject
        sampleBody = sample.body
        isLetter = campaign.channel == .letter
        isHandWorked = campaign.channel == .phone || campaign.channel == .visit
        outcomes = CampaignOutcomes.choices(for: campaign.channel).map { Outcome(value: $0.key, label: $0.label) }
        let handWorked = isHandWorked
        let rows = members.map { member in
            let contact = CampaignMemberText.contact(member, reach[member.personID], on: campaign.channel)
            return Member(
                id: member.id, personID: member.personID, name: "\(member.givenName) \(member.familyName)",
                contact: !frame.showsContact ? PersonPage.restricted : member.included ? contact : "–",
                state: member.included ? Self.state(of: member, on: campaign.channel) : "Not contacted: \(member.reason ?? "")",
                outcome: member.outcome, canRecord: handWorked && member.included && frame.canAct)
        }
        if campaign.channel == .visit {
            // A visit round goes street by street: group by postcode sector ("LS6 2").
            let grouped = Dictionary(grouping: rows.filter(\.canRecord)) { row in
                Self.sector(reach[row.personID]?.postcode)
            }
            rounds = grouped.keys.sorted().map { Round(area: $0, members: grouped[$0] ?? []) }
                + [Round(area: "Not visited", members: rows.filter { !$0.canRecord })].filter { !$0.members.isEmpty }
        } else {
            rounds = rows.isEmpty ? [] : [Round(area: "", members: rows)]
        }
        let included = members.filter(\.included)
        gatewayWarning = sendingReach.warning(for: campaign.channel)
        progress = CampaignProgress(channel: campaign.channel, members: included).sentence
        sentMessage = sent.map { CampaignProgress.started(count: $0, channel: campaign.channel) }
    }

    /// A member's state in words that claim only what happened.
    static func state(of member: CampaignMemberRow, on channel: ContactChannel) -> String {
        CampaignMemberText.state(of: member, on: channel)
    }

    static func sector(_ postcode: String?) -> String {
        CampaignMemberText.sector(postcode)
    }
}
