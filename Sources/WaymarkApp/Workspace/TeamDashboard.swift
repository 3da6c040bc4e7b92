public import Foundation
public import WaymarkCore
public import WaymarkRecords
import WaymarkStore
import WaymarkFormats

/// One adviser's line on the manager's home page: the work waiting (each
/// number the length of its list) and how their caseload is doing.
public struct AdviserDashboard: Sendable {
    public let workload: AdviserWorkload
    public let neetNoContact: Int
    public let followUpsOverdue: Int
    public let missedAppointments: Int
    public let outcomes: CaseloadOutcomes
}

/// How a caseload's young people stand now, a week ago and at the last
/// twelve month ends (the people on it today, from their kept timelines).
public struct CaseloadOutcomes: Sendable {
    public let today: CalendarDate
    public let counts: [CalendarDate: StateCounts]
    public let monthEnds: [CalendarDate]

    public var now: StateCounts { counts[today] ?? StateCounts() }
    public var weekAgo: StateCounts { counts[today.adding(days: -7)] ?? StateCounts() }
    public var months: [StateCounts] { monthEnds.map { counts[$0] ?? StateCounts() } }

    static func of(_ timelines: [HeadlineTimeline], today: CalendarDate) -> CaseloadOutcomes {
        let lastMonthEnd = today.adding(days: -today.day)
        let monthEnds = FiguresReport.monthEnds(from: lastMonthEnd.adding(days: 1 - lastMonthEnd.day).adding(months: -11), through: lastMonthEnd)
        var counts: [CalendarDate: StateCounts] = [:]
        for day in monthEnds + [today, today.adding(days: -7)] {
            var here = StateCounts()
            for timeline in timelines {
                switch timeline.kind(on: day) {
                case .eet: here.eet += 1
                case .neet: here.neet += 1
                case .notKnown: here.notKnown += 1
                case .other: here.other += 1
                case nil: break
                }
            }
            counts[day] = here
        }
        return CaseloadOutcomes(today: today, counts: counts, monthEnds: monthEnds)
    }
}

extension WorkspaceDesk {
    /// The manager's team: per adviser, NEET with no recent contact, overdue
    /// follow-ups, missed appointments (from the same lists an adviser's own
    /// home page shows) and their caseload's outcomes and trend. Numbers
    /// only; the lists behind them are audited when opened.
    public func teamDashboard(for grant: AccessGrant, at now: Date) async throws -> [AdviserDashboard] {
        let workloads = try await team(for: grant, at: now)
        let today = CalendarDate.today(from: now)
        let timelines = try await CaseloadTimelines(store: store).timelines(of: workloads.map(\.id), in: grant.scope)
        let builder = WorkTodayBuilder(store: store, classifier: classifier)
        var lines: [AdviserDashboard] = []
        for workload in workloads {
            let work = try await builder.build(for: workload.id, scope: grant.scope, now: now)
            lines.append(AdviserDashboard(
                workload: workload, neetNoContact: work.items(.neetNoContact).count, followUpsOverdue: work.items(.followUpsOverdue).count,
                missedAppointments: work.items(.missedAppointment).count, outcomes: CaseloadOutcomes.of(timelines[workload.id] ?? [], today: today)))
        }
        return lines
    }

    /// The adviser's own caseload outcomes for their home page.
    public func myOutcomes(for grant: AccessGrant, at now: Date) async throws -> CaseloadOutcomes {
        try grant.require(.changeOwnCaseload)
        let timelines = try await CaseloadTimelines(store: store).timelines(of: [grant.user.id], in: grant.scope)
        return CaseloadOutcomes.of(timelines[grant.user.id] ?? [], today: CalendarDate.today(from: now))
    }
}

extension WorkspaceDesk {
    /// One of an adviser's work lists as their manager opens it from the team
    /// table (the same list the adviser sees), audited with who was on it.
    public func teamWorkList(adviser adviserID: Int64, list: WorkList, for grant: AccessGrant, at now: Date, auditAs prefix: String = "") async throws -> (adviser: StoredUser, items: [WorkItem]) {
        try grant.require(.teamOverview)
        guard let adviser = try await UserQueries(store: store).user(id: adviserID),
            adviser.organisationID == grant.user.organisationID, adviser.role == .personalAdviser
        else { throw Refusal.notFound("There is no personal adviser with that id in your organisation.") }
        let items = try await WorkTodayBuilder(store: store, classifier: classifier).build(for: adviserID, scope: grant.scope, now: now).items(list)
        try await ViewAudit.record(
            store, grant, at: now, entity: "caseload_list",
            detail: prefix + "team; adviser=\(adviserID); list=\(list.rawValue); \(ViewAudit.shown(items.map(\.member.id)))")
        return (adviser, items)
    }

    /// The list as a download, audited as an export.
    public func teamWorkListExport(adviser adviserID: Int64, list: WorkList, format: ExportFormat, for grant: AccessGrant, at now: Date) async throws -> ExportDownload {
        let found = try await teamWorkList(adviser: adviserID, list: list, for: grant, at: now, auditAs: "export; format=\(format.rawValue); ")
        let table = SpreadsheetTable(title: list.title, columns: Self.caseloadColumns, rows: found.items.map { Self.caseloadRow($0.member, reason: $0.reason) })
        return ExportDownload(table, format: format, fileStem: ExportDownload.stem("team-\(adviserID)-\(list.rawValue)", on: now))
    }
}
