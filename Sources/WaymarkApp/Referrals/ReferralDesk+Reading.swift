public import Foundation
import WaymarkCore
import WaymarkRecords
import WaymarkStore

extension ReferralDesk {
    /// One referral for whichever side `grant` is on, audited as a view of the
    /// young person: the receiver sees the package's shared classes and
    /// nothing else of the record; the sender what their own grant shows.
    public func open(_ referralID: Int64, for grant: AccessGrant, at now: Date) async throws -> ReferralView {
        let (referral, side) = try await sided(referralID, grant)
        let queries = ReferralQueries(store: store)
        async let steps = queries.steps(of: referral.id)
        async let shares = queries.shares(of: referral.id)
        let package = try await shares
        let shown: Set<SensitivityClass> =
            side == .receiver ? Set(package.filter(\.shared).map(\.dataClass)) : grant.visibleClasses.subtracting([.notes])
        let today = CalendarDate.today(from: now)
        let whole = try await PersonBundleReader(store: store, registry: registry).person(referral.personID, responsibleLA: grant.scope.laCode)
        var person = PersonBundle(id: referral.personID)
        var current: ActivityRecord?
        if let whole {
            current = ActivityHistory.current(in: whole.activities, on: today)
            person = RecordRedaction.withholding(whole, showing: shown, current: current)
        }
        let showsCurrent = shown.contains(.currentActivity) || shown.contains(.educationAndActivity)
        let details = shown.contains(.contact) ? try await CaseworkQueries(store: store).contactDetails(of: referral.personID) : []
        try await ViewAudit.record(
            store, grant, at: now, entity: "referral", entityID: referral.id, personID: referral.personID,
            detail: "referral; side=\(side.rawValue); shown=\(shown.sorted().map(\.rawValue).joined(separator: ","))")
        return ReferralView(
            referral: referral, side: side, actions: ReferralLifecycle.available(to: side, in: referral.state), steps: try await steps, shares: package,
            person: person, currentActivity: showsCurrent ? current : nil, contactDetails: details, shown: shown,
            reminderOverdue: referral.reminderDue.map { $0 <= today } ?? false)
    }

    /// The user's service's referrals in and out, its young people and what
    /// is due: a partner's home page, an LA's referrals list. Audited with the
    /// ids shown.
    public func overview(for grant: AccessGrant, at now: Date) async throws -> ReferralOverview {
        guard grant.allows(.makeReferrals) || grant.allows(.workReferrals) else { throw AccessDenied(permission: .workReferrals, role: grant.role) }
        let organisation = grant.user.organisationID
        let queries = ReferralQueries(store: store)
        let received = grant.allows(.workReferrals) ? try await queries.received(by: organisation).filter(\.state.isOpen) : []
        var sent = grant.allows(.makeReferrals) ? try await queries.sent(by: organisation) : []
        // An adviser follows their own referrals; drafts are their writer's alone.
        if grant.role == .personalAdviser { sent = sent.filter { $0.fromUserID == grant.user.id } }
        sent = sent.filter { $0.state != .draft || $0.fromUserID == grant.user.id }
        let involvements = grant.allows(.workReferrals) ? try await KnownToQueries(store: store).openInvolvements(of: organisation) : []
        let today = CalendarDate.today(from: now)
        let due = (received + sent).filter { referral in
            guard let due = referral.reminderDue, due <= today, let waiting = ReferralTimers.waitingOn(in: referral.state) else { return false }
            return waiting == (referral.toOrganisationID == organisation ? .receiver : .sender)
        }.sorted { ($0.reminderDue!, $0.id) < ($1.reminderDue!, $1.id) }
        let people = Set(received.map(\.personID) + sent.map(\.personID) + involvements.map(\.personID)).sorted()
        try await ViewAudit.record(store, grant, at: now, entity: "referral", detail: "referrals; " + ViewAudit.shown(people))
        let name = try await OrganisationQueries(store: store).organisation(id: organisation)?.name ?? ""
        return ReferralOverview(organisation: name, received: received, sent: sent, involvements: involvements, due: due)
    }
}
