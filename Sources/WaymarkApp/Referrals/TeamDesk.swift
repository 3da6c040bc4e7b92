public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// The plan as the team view shows it: when it was agreed, when it is next
/// reviewed, its goals and the open steps falling due next.
public struct TeamPlan: Sendable, Equatable {
    public let agreedOn: CalendarDate?
    public let nextReviewOn: CalendarDate?
    public let reviewDue: Bool
    public let goals: [String]
    public let openSteps: Int
    /// Open steps with a date, soonest first (at most three).
    public let nextSteps: [TeamStep]
}

public struct TeamStep: Sendable, Equatable {
    public let description: String
    public let dueOn: CalendarDate
}

/// An open referral and whose turn it is.
public struct TeamReferral: Sendable, Equatable {
    public let id: Int64
    /// The receiving service, or "A partner service" when its name would tell a class the grant does not see.
    public let to: String
    public let state: ReferralState
    /// Who must act next, in words ("Northmere Youth Justice Service", "the referring service (Pat Adviser)").
    public let waitingOn: String?
    public let reminderDue: CalendarDate?
    public let overdue: Bool
}

/// Everything the team around a young person needs on one page.
public struct TeamView: Sendable {
    public let personID: Int64
    public let personName: String
    public let lead: StoredLeadProfessional?
    public let adviser: StoredUser?
    public let needsAgreedLead: Bool
    /// The open involvements, brokered as on the known-to register.
    public let involved: [KnownToLine]
    /// Nil when there is no plan yet, or when `planRestricted`.
    public let plan: TeamPlan?
    /// Plans are casework: a grant that does not see notes is told one exists, not what it says.
    public let planRestricted: Bool
    public let referrals: [TeamReferral]
}

/// The team view (issue 15, item 4): the lead professional, who is involved
/// now, the plan and its next reviews, and the open referrals with whose turn
/// it is. For the LA's staff who may open the record, as the known-to page;
/// one audited view naming the ids shown.
public struct TeamDesk: Sendable {
    let store: Store
    let laName: String

    public init(store: Store, laName: String) {
        self.store = store
        self.laName = laName
    }

    public func team(of person: Int64, for grant: AccessGrant, at now: Date) async throws -> TeamView {
        try grant.require(.readRecords)
        guard case .authority = grant.scope else {
            throw Refusal.forbidden("The team around a young person is shown to the local authority's staff only.")
        }
        guard let placement = try await CaseloadLookup(store: store).placement(of: person, in: grant.scope) else { throw ReferralDesk.noSuchRecord }
        let today = CalendarDate.today(from: now)
        let known = KnownToQueries(store: store)
        let open = try await known.involvements(of: person).filter(\.isOpen)
        let lead = try await known.leadProfessional(of: person)
        let opened = try await BreakGlassDesk(store: store).opening(for: grant, person: person, at: now).classes
        let visible = grant.visibleClasses.union(opened)
        let lines = open.map { KnownToLine($0, visible: visible, laName: laName) }
        let stored = try await PlanQueries(store: store).plan(of: person)
        let hasPlan = stored.schedule != nil || !stored.goals.isEmpty
        let planRestricted = hasPlan && !visible.contains(.notes)
        let plan = hasPlan && !planRestricted ? Self.summary(stored, today: today) : nil
        let referrals = try await ReferralQueries(store: store).of(person: person).filter(\.state.isOpen)
            .map { Self.line($0, visible: visible, today: today) }
        let adviser = try await placement.adviserID.asyncMap { try await UserQueries(store: store).user(id: $0) } ?? nil
        let name = try await BreakGlassQueries(store: store).subject(person, in: grant.scope)?.name ?? ""
        try await ViewAudit.record(
            store, grant, at: now, entity: "involvement", personID: person,
            detail: "team; " + ViewAudit.parts([
                ("involvements", open.map { String($0.id) }.joined(separator: ",")),
                ("brokered", String(lines.filter(\.brokered).count)), ("referrals", referrals.map { String($0.id) }.joined(separator: ",")),
                ("plan", hasPlan ? (planRestricted ? "restricted" : "shown") : "none"),
            ]))
        return TeamView(
            personID: person, personName: name, lead: lead, adviser: adviser,
            needsAgreedLead: Set(open.map(\.organisationID)).count > 1 && lead == nil, involved: lines, plan: plan, planRestricted: planRestricted,
            referrals: referrals)
    }

    static func summary(_ plan: StoredActionPlan, today: CalendarDate) -> TeamPlan {
        let openSteps = plan.goals.flatMap(\.steps).filter { $0.status == .notStarted || $0.status == .inProgress }
        let dated = openSteps.compactMap { step in step.dueOn.map { TeamStep(description: step.description, dueOn: $0) } }
            .sorted { $0.dueOn < $1.dueOn }
        return TeamPlan(
            agreedOn: plan.schedule?.agreedOn, nextReviewOn: plan.schedule?.nextReviewOn, reviewDue: plan.schedule.map { $0.nextReviewOn <= today } ?? false,
            goals: plan.goals.map(\.title), openSteps: openSteps.count, nextSteps: Array(dated.prefix(3)))
    }

    static func line(_ referral: StoredReferral, visible: Set<SensitivityClass>, today: CalendarDate) -> TeamReferral {
        let brokered = KnownToLine.isBrokered(referral.toOrganisationKind, visible: visible)
        let to = brokered ? "A partner service" : referral.toOrganisationName
        let waiting: String? =
            switch ReferralTimers.waitingOn(in: referral.state) {
            case .sender: "\(referral.fromOrganisationName) (\(referral.fromUserName), who made the referral)"
            case .receiver: brokered ? "the service it was sent to" : referral.toOrganisationName
            case .neither, nil: nil
            }
        return TeamReferral(
            id: referral.id, to: to, state: referral.state, waitingOn: waiting, reminderDue: referral.reminderDue,
            overdue: referral.reminderDue.map { $0 <= today } ?? false)
    }
}
