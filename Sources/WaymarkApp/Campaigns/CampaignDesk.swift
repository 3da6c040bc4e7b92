public import Foundation
public import WaymarkCore
public import WaymarkRecords
import WaymarkStore

/// A campaign as its page shows it: before sending, what it will do and a
/// sample message; after, everyone it considered.
public struct CampaignView: Sendable {
    public let campaign: StoredCampaign
    public let summary: CampaignPlanSummary
    public let sample: (subject: String?, body: String)
    public let members: [CampaignMemberRow]
    /// Phones and addresses by person, only for those who may see contact details.
    public let reach: [Int64: ReachDetails]
}

/// One printed letter: who to, where, and what it says, with the short code
/// (and short link) that opens their self-service page.
public struct CampaignLetter: Sendable {
    public let name: String
    public let addressLines: [String]
    public let body: String
    public let code: LetterCode
    /// What the QR code holds: "https://host/c/ABCDEFGH".
    public let shortURL: String
}

/// Campaigns: drafted from a queue, checked, sent once, then worked (letters,
/// calls and knocks) and reported on. Member lists and letters are audited.
public struct CampaignDesk: Sendable {
    let store: Store
    let classifier: ParticipationClassifier
    let laName: String
    let publicURL: String
    let letterCodes: LetterCodes

    init(store: Store, classifier: ParticipationClassifier, laName: String, publicURL: String, letterCodes: LetterCodes) {
        self.store = store
        self.classifier = classifier
        self.laName = laName
        self.publicURL = publicURL
        self.letterCodes = letterCodes
    }

    var planner: CampaignPlanner { CampaignPlanner(store: store, classifier: classifier) }
    var sender: CampaignSender { CampaignSender(store: store, planner: planner, laName: laName) }

    public func campaigns(for grant: AccessGrant) async throws -> [StoredCampaign] {
        try grant.require(.workQueues)
        return try await CampaignQueries(store: store).campaigns()
    }

    /// Checks that the audience does not narrow by a class the user may not see.
    public func create(_ campaign: NewCampaign, for grant: AccessGrant, at now: Date) async throws -> Int64 {
        try grant.require(.recordTrackingWork)
        if let audience = try? CampaignAudience(queryString: campaign.audience), !grant.mayFilter(by: audience.filter.characteristic) {
            throw QueueDesk.restrictedFilter
        }
        return try await store.change(by: grant.actor, at: now) { tx in try await tx.createCampaign(campaign) }
    }

    /// A draft shows its plan and the message as the first person will read it;
    /// a sent campaign its members. Either way the people shown are audited.
    public func campaign(_ id: Int64, for grant: AccessGrant, at now: Date) async throws -> CampaignView {
        try await campaign(id, for: grant, at: now, auditAs: "")
    }

    /// The campaign, its members' view audited with `prefix` ("export; format=csv; ") before the detail.
    func campaign(_ id: Int64, for grant: AccessGrant, at now: Date, auditAs prefix: String) async throws -> CampaignView {
        try grant.require(.workQueues)
        let campaign = try await load(id)
        guard campaign.status == .sent else {
            let plan = try await planner.plan(try audience(of: campaign), channel: campaign.channel, scope: grant.scope, now: now)
            var sample = (campaign.subject, campaign.body)
            let first = plan.first { if case .skip = $0.decision { false } else { true } }
            if let first { sample = try self.sample(campaign, for: first.entry.member) }
            try await ViewAudit.record(
                store, grant, at: now, entity: "campaign", entityID: campaign.id,
                detail: "draft; planned=\(plan.count)" + (first.map { "; sample=\($0.entry.member.id)" } ?? ""))
            return CampaignView(campaign: campaign, summary: CampaignPlanSummary(plan), sample: sample, members: [], reach: [:])
        }
        let members = try await CampaignQueries(store: store).members(of: campaign.id)
        let reach = grant.visibleClasses.contains(.contact)
            ? try await ContactFactsQuery(store: store).reach(for: members.map(\.personID), on: CalendarDate.today(from: now)) : [:]
        try await ViewAudit.record(
            store, grant, at: now, entity: "campaign", entityID: campaign.id,
            detail: prefix + "members; contact details \(reach.isEmpty ? "withheld" : "shown"); \(ViewAudit.shown(members.map(\.personID)))")
        return CampaignView(
            campaign: campaign, summary: CampaignPlanSummary(members: members), sample: (campaign.subject, campaign.body), members: members,
            reach: reach)
    }

    public func send(_ id: Int64, for grant: AccessGrant, at now: Date) async throws -> CampaignPlanSummary {
        try grant.require(.recordTrackingWork)
        do {
            return try await sender.send(id, by: grant.user.id, scope: grant.scope, now: now)
        } catch let error as CampaignSendError {
            throw error == .notFound ? Refusal.notFound(error.description) : Refusal.conflict(error.description)
        }
    }

    /// One letter per young person contacted, each with their own link, ready to print; audited with who was printed.
    public func letters(_ id: Int64, for grant: AccessGrant, at now: Date) async throws -> (campaign: StoredCampaign, letters: [CampaignLetter]) {
        try grant.require(.recordTrackingWork)
        let campaign = try await sentCampaign(id, channel: .letter)
        let members = try await CampaignQueries(store: store).members(of: campaign.id).filter(\.included)
        let reach = try await ContactFactsQuery(store: store).reach(for: members.map(\.personID), on: CalendarDate.today(from: now))
        // A code stops working when a link made now would.
        let expiresAt = SelfServiceLinks.expiry(from: now)
        let codes = try await letterCodes.issue(forMembers: members.map(\.id), expiresAt: expiresAt, now: now)
        var letters: [CampaignLetter] = []
        for member in members {
            guard let code = codes[member.id] else { continue }
            let details = reach[member.personID]
            var values = ["given_name": member.givenName, "family_name": member.familyName, "la_name": laName]
            // On paper the link is the short one: the long signed link is for texts and e-mails, which are tapped, not typed.
            values[CampaignTemplate.linkField] = letterCodes.shortURL(code)
            letters.append(CampaignLetter(
                name: "\(member.givenName) \(member.familyName)", addressLines: (details?.addressLines ?? []) + [details?.postcode].compactMap { $0 },
                body: (try? CampaignTemplate(campaign.body).render(values)) ?? campaign.body, code: code, shortURL: letterCodes.shortURL(code)))
        }
        try await ViewAudit.record(
            store, grant, at: now, entity: "campaign", entityID: campaign.id,
            detail: "letters printed with addresses, links and codes; \(ViewAudit.shown(members.map(\.personID)))")
        return (campaign, letters)
    }

    /// A call or a knock, recorded on the member and as a contact on the person's record, together.
    public func recordOutcome(
        _ outcomeKey: String?, campaign id: Int64, member memberID: Int64, for grant: AccessGrant, at now: Date
    ) async throws {
        try grant.require(.recordTrackingWork)
        guard let campaign = try await CampaignQueries(store: store).campaign(id), campaign.status == .sent else {
            throw Refusal.notFound("There is no sent campaign with that id.")
        }
        guard let choice = CampaignOutcomes.choices(for: campaign.channel).first(where: { $0.key == outcomeKey }) else {
            throw Refusal.invalid("outcome: choose one of the outcomes listed for a \(campaign.channel.meaning.lowercased()).")
        }
        guard let member = try await CampaignQueries(store: store).member(memberID), member.campaignID == campaign.id else {
            throw Refusal.notFound("That young person is not on this campaign's list.")
        }
        let method: NewContact.Method = campaign.channel == .phone ? .phone : .visit
        let contact = NewContact(occurredAt: now, method: method, direction: .outbound, outcome: choice.label, summary: "campaign \(campaign.id)")
        try await store.change(by: grant.actor, at: now) { tx in
            try await tx.recordMemberOutcome(
                memberID: memberID, personID: member.personID, outcome: choice.label, responded: choice.responded, contact: contact)
        }
    }

    /// What a sent campaign achieved: tallies only, no one named.
    public func report(_ id: Int64, for grant: AccessGrant, at now: Date) async throws -> (campaign: StoredCampaign, report: CampaignReport) {
        try grant.require(.workQueues)
        let campaign = try await sentCampaign(id, channel: nil)
        return (campaign, try await CampaignReportBuilder(store: store, classifier: classifier).report(for: campaign, scope: grant.scope, now: now))
    }

    private func load(_ id: Int64) async throws -> StoredCampaign {
        guard let campaign = try await CampaignQueries(store: store).campaign(id) else { throw Refusal.notFound("There is no campaign with that id.") }
        return campaign
    }

    private func sentCampaign(_ id: Int64, channel: ContactChannel?) async throws -> StoredCampaign {
        guard let campaign = try await CampaignQueries(store: store).campaign(id), campaign.status == .sent, channel == nil || campaign.channel == channel
        else { throw Refusal.notFound("There is no sent campaign with that id and channel.") }
        return campaign
    }

    private func audience(of campaign: StoredCampaign) throws -> CampaignAudience {
        do { return try CampaignAudience(queryString: campaign.audience) } catch {
            throw Refusal.conflict("This campaign's list cannot be read: \(error.description).")
        }
    }

    /// The message as the first person will read it; the link is shown as a placeholder because it is made at sending.
    private func sample(_ campaign: StoredCampaign, for member: CaseloadMember) throws -> (subject: String?, body: String) {
        var values = sender.mergeValues(member)
        // A letter prints the short link to its code; texts and e-mails carry the long signed one.
        values[CampaignTemplate.linkField] = publicURL + (campaign.channel == .letter ? "/c/ABCD…" : "/s/…")
        do throws(CampaignTemplateError) {
            var subject: String?
            if let written = campaign.subject { subject = try CampaignTemplate(written).render(values) }
            return (subject, try CampaignTemplate(campaign.body).render(values))
        } catch {
            throw Refusal.conflict("This campaign's message cannot be read: \(error.description).")
        }
    }
}
