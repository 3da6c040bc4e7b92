public import Foundation
public import WaymarkCore
public import WaymarkRecords
import WaymarkStore

/// One adviser's caseload or contacts as a manager sees it.
public struct TeamList: Sendable {
    public let adviser: StoredUser
    public let members: [CaseloadMember]
    /// True for "contacted this month", false for the caseload.
    public let contactsThisMonth: Bool
}

/// The home page's work and the lists behind its numbers: an adviser's own
/// lists, and a manager's team. Lists of young people are audited with
/// which list and who was on it; the numbers alone are not.
public struct WorkspaceDesk: Sendable {
    let store: Store
    let classifier: ParticipationClassifier

    init(store: Store, classifier: ParticipationClassifier) {
        self.store = store
        self.classifier = classifier
    }

    /// The adviser's own caseload worked into lists; the home page shows only their sizes.
    public func workToday(for grant: AccessGrant, at now: Date) async throws -> WorkToday {
        try grant.require(.changeOwnCaseload)
        return try await WorkTodayBuilder(store: store, classifier: classifier).build(for: grant.user.id, scope: grant.scope, now: now)
    }

    /// One of the adviser's own lists, by name.
    public func myList(_ list: WorkList, for grant: AccessGrant, at now: Date) async throws -> [WorkItem] {
        let items = try await workToday(for: grant, at: now).items(list)
        try await ViewAudit.record(
            store, grant, at: now, entity: "caseload_list", detail: "my work; list=\(list.rawValue); \(ViewAudit.shown(items.map(\.member.id)))")
        return items
    }

    /// The advisers of the manager's organisation with their caseload sizes and contacts this month.
    public func team(for grant: AccessGrant, at now: Date) async throws -> [AdviserWorkload] {
        try grant.require(.teamOverview)
        return try await TeamQueries(store: store).workloads(
            organisationID: grant.user.organisationID, scope: grant.scope, contactsSince: Timestamp.format(MonthStart.of(now)))
    }

    /// One adviser's caseload, or the people they contacted this month.
    public func teamList(adviser adviserID: Int64, contactsThisMonth: Bool, for grant: AccessGrant, at now: Date) async throws -> TeamList {
        try await teamList(adviser: adviserID, contactsThisMonth: contactsThisMonth, for: grant, at: now, auditAs: "")
    }

    /// The list, audited with `prefix` ("export; format=csv; ") before its detail.
    func teamList(adviser adviserID: Int64, contactsThisMonth: Bool, for grant: AccessGrant, at now: Date, auditAs prefix: String) async throws -> TeamList {
        try grant.require(.teamOverview)
        guard let adviser = try await UserQueries(store: store).user(id: adviserID),
            adviser.organisationID == grant.user.organisationID, adviser.role == .personalAdviser
        else { throw Refusal.notFound("There is no personal adviser with that id in your organisation.") }
        var members = try await CaseloadQueries(store: store).members(of: adviserID, in: grant.scope)
        if contactsThisMonth {
            let since = Timestamp.format(MonthStart.of(now))
            let contacted = Set(try await TeamQueries(store: store).contactedPeople(by: adviserID, since: since, in: grant.scope))
            members = try await PeopleSummaryQuery(store: store).members(ids: contacted, in: grant.scope)
        }
        let detail = prefix + "team; adviser=\(adviserID); list=\(contactsThisMonth ? "contacted-this-month" : "caseload"); \(ViewAudit.shown(members.map(\.id)))"
        try await ViewAudit.record(store, grant, at: now, entity: "caseload_list", detail: detail)
        return TeamList(adviser: adviser, members: members, contactsThisMonth: contactsThisMonth)
    }
}

/// The first instant of the month an instant falls in (UTC), for "this month".
enum MonthStart {
    static func of(_ instant: Date) -> Date {
        let today = CalendarDate.today(from: instant)
        return Timestamp.parse("\(today.iso.prefix(7))-01T00:00:00Z") ?? instant
    }
}

/// The LA's headline counts for the home page: numbers only, no one named.
public struct HeadlineFigures: Sendable {
    let store: Store
    let laCode: LocalAuthorityCode
    let classifier: ParticipationClassifier

    /// One grouped, indexed read of the stored positions (kept with every
    /// change and by the daily job), still shared by the web layer's cache.
    public func counts(on day: CalendarDate) async throws -> ParticipationCounts {
        try await ParticipationQuery(store: store).storedCounts(responsibleLA: laCode)
    }
}
