public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// One young person in a campaign's audience, with what the contact rules decided.
public struct PlannedContact: Sendable {
    public let entry: QueueEntry
    public let facts: PersonContactFacts
    public let decision: ContactDecision
}

/// The preview an officer sees before sending: how many will be contacted, and why the rest will not.
public struct CampaignPlanSummary: Sendable, Equatable {
    public init() {}

    public var contacted = 0
    public var waitingForQuietHours = 0
    public var skipped: [(reason: String, count: Int)] = []

    public static func == (left: Self, right: Self) -> Bool {
        left.contacted == right.contacted && left.waitingForQuietHours == right.waitingForQuietHours
            && left.skipped.map(\.reason) == right.skipped.map(\.reason) && left.skipped.map(\.count) == right.skipped.map(\.count)
    }

    public init(_ plan: [PlannedContact]) {
        var reasons: [String: Int] = [:]
        for contact in plan {
            switch contact.decision {
            case .send: contacted += 1
            case .wait: contacted += 1; waitingForQuietHours += 1
            case .skip(let reason): reasons[reason, default: 0] += 1
            }
        }
        skipped = CampaignReport.ranked(reasons)
    }

    /// The same summary, read back from a sent campaign's members.
    public init(members: [CampaignMemberRow]) {
        var reasons: [String: Int] = [:]
        for member in members {
            if member.included { contacted += 1 } else { reasons[member.reason ?? "not contacted", default: 0] += 1 }
        }
        skipped = CampaignReport.ranked(reasons)
    }
}

/// Decides, for everyone on the campaign's queue, whether the rules let the
/// campaign contact them on its channel now, later, or not at all. Run again
/// at the moment of sending, so the decision is never stale.
public struct CampaignPlanner: Sendable {
    let store: Store
    let classifier: ParticipationClassifier
    let rules: ContactRules

    public init(store: Store, classifier: ParticipationClassifier, rules: ContactRules = ContactRules()) {
        self.store = store
        self.classifier = classifier
        self.rules = rules
    }

    public func plan(_ audience: CampaignAudience, channel: ContactChannel, scope: RecordScope, now: Date) async throws -> [PlannedContact] {
        let entries = try await WorkQueueBuilder(store: store, classifier: classifier)
            .build(audience.queue, days: audience.days, filter: audience.filter, scope: scope, now: now)
        let facts = try await ContactFactsQuery(store: store)
            .facts(for: entries.map(\.member.id), on: CalendarDate.today(from: now), now: now, periodDays: rules.policy.periodDays)
        let moment = UKClock.moment(now)
        return entries.map { entry in
            let known = facts[entry.member.id] ?? PersonContactFacts()
            let ruleFacts = ContactFacts(
                optedOut: known.optedOut, doNotContact: known.doNotContact, resolved: known.awaitingVerification,
                attemptAges: known.attemptAges, reachable: known.reachable)
            return PlannedContact(entry: entry, facts: known, decision: rules.decide(channel, for: ruleFacts, at: moment))
        }
    }

    public func summary(_ audience: CampaignAudience, channel: ContactChannel, scope: RecordScope, now: Date) async throws -> CampaignPlanSummary {
        CampaignPlanSummary(try await plan(audience, channel: channel, scope: scope, now: now))
    }
}
