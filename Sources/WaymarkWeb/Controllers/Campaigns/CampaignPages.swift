import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The signed-in officer, for the account corner of campaign pages.
struct StaffFrame: Sendable {
    let userName: String
    let role: String
    let csrf: String
    let problems: [FormProblems.Problem]
    let hasProblems: Bool
    /// Verifying answers, recording outcomes, printing letters, creating and sending: not for managers.
    let canAct: Bool
    /// Whether phone numbers and addresses may be shown in member lists.
    let showsContact: Bool
    /// A one-time token for forms that create something: a repeat shows the first result (``RepeatGuard``).
    let once = SecretToken.make()

    init(user: StoredUser, csrf: String, problems: FormProblems = FormProblems()) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        self.problems = problems.all
        hasProblems = !problems.isEmpty
        canAct = AccessPolicy.allows(user.role, .recordTrackingWork)
        showsContact = DisclosurePolicy.visible(to: user.role, for: Purpose.of(user.role)).contains(.contact)
    }
}

struct CampaignsPage: PageModel {
    static let template = "campaigns"

    struct Row: Sendable {
        let id: Int64
        let name: String
        let channel: String
        let audience: String
        let status: String
        let created: String
    }

    let title = "Campaigns"
    let frame: StaffFrame
    let rows: [Row]
    let hasRows: Bool

    init(frame: StaffFrame, campaigns: [StoredCampaign]) {
        self.frame = frame
        rows = campaigns.map { campaign in
            Row(id: campaign.id, name: campaign.name, channel: campaign.channel.meaning,
                audience: (try? CampaignAudience(queryString: campaign.audience))?.summary ?? "–",
                status: campaign.status == .sent ? "Sent \(campaign.sentAt.map(UKTime.describe) ?? "")" : "Draft",
                created: UKTime.describe(campaign.createdAt))
        }
        hasRows = !rows.isEmpty
    }
}

struct NewCampaignPage: PageModel {
    static let template = "campaign-new"

    let title = "Start a campaign"
    let frame: StaffFrame
    let audience: String
    let audienceSummary: String
    let name: FieldView
    /// The channel is chosen first, by link, so the suggested wording fits it without JavaScript.
    let channelTabs: [QueuesPage.Tab]
    let channel: String
    let channelLabel: String
    let isEmail: Bool
    let isScript: Bool
    let subject: FieldView
    let body: FieldView
    let mergeFields: [Choice]

    init(frame: StaffFrame, form: CampaignForm, channel: ContactChannel, problems: FormProblems) {
        self.frame = frame
        audience = form.audience ?? ""
        audienceSummary = (try? CampaignAudience(queryString: form.audience ?? ""))?.summary ?? "–"
        name = FieldView(form.name, "name", problems)
        let audienceQuery = audience.isEmpty ? "" : "&" + audience
        channelTabs = ContactChannel.allCases.map {
            QueuesPage.Tab(label: $0.meaning, link: "/campaigns/new?channel=\($0.rawValue)\(audienceQuery)", current: $0 == channel)
        }
        self.channel = channel.rawValue
        channelLabel = channel.meaning
        isEmail = channel == .email
        isScript = channel == .phone || channel == .visit
        subject = FieldView(form.subject, "subject", problems)
        body = FieldView(form.body, "body", problems)
        mergeFields = CampaignTemplate.fields.map { Choice(value: "{{\($0.name)}}", label: $0.meaning, selected: false) }
    }
}
