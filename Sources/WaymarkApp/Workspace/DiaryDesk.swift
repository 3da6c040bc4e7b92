public import Foundation
public import WaymarkCore
public import WaymarkRecords
import WaymarkStore

/// A page of an adviser's diary: each day of the period with what is booked.
public struct Diary: Sendable {
    public struct Entry: Sendable {
        public let appointment: DiaryAppointment
        /// Nil when the young person is outside what the viewer may see: the
        /// slot is shown as taken, with no one named.
        public let person: CaseloadMember?
    }

    public struct Day: Sendable {
        public let date: CalendarDate
        public let entries: [Entry]
    }

    public let adviser: StoredUser
    public let period: DiaryPeriod
    public let days: [Day]

    public var count: Int { days.reduce(0) { $0 + $1.entries.count } }
}

/// The appointments diary: an adviser's own, or, for a manager, any
/// personal adviser's in their organisation. Days are UK days, so an
/// appointment at 00:30 in summer falls on the day the adviser sees
/// (`CalendarDate.today(from:)` is the UK day of an instant).
public struct DiaryDesk: Sendable {
    let store: Store

    init(store: Store) {
        self.store = store
    }

    /// The diary of `adviserID` (the viewer's own when nil) for `period`, audited with who was shown.
    public func diary(of adviserID: Int64?, _ period: DiaryPeriod, for grant: AccessGrant, at now: Date) async throws -> Diary {
        try await diary(of: adviserID, period, for: grant, at: now, auditAs: "")
    }

    /// The diary, audited with `prefix` ("export; format=csv; ") before its detail.
    func diary(of adviserID: Int64?, _ period: DiaryPeriod, for grant: AccessGrant, at now: Date, auditAs prefix: String) async throws -> Diary {
        let adviser = try await owner(adviserID, grant)
        let from = Self.midnight(period.first), to = Self.midnight(period.end)
        let appointments = try await DiaryQueries(store: store).appointments(of: adviser.id, from: Timestamp.format(from), to: Timestamp.format(to))
        let people = try await PeopleSummaryQuery(store: store).members(ids: Set(appointments.map(\.personID)), in: grant.scope)
        let byID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var byDay: [CalendarDate: [Diary.Entry]] = [:]
        for appointment in appointments {
            guard let instant = Timestamp.parse(appointment.startsAt) else { continue }
            byDay[CalendarDate.today(from: instant), default: []].append(Diary.Entry(appointment: appointment, person: byID[appointment.personID]))
        }
        let diary = Diary(adviser: adviser, period: period, days: period.days.map { Diary.Day(date: $0, entries: byDay[$0] ?? []) })
        let shown = diary.days.flatMap(\.entries).compactMap { $0.person?.id }
        let detail = prefix + "diary; adviser=\(adviser.id); \(period.span.rawValue) from \(period.first.iso); \(ViewAudit.shown(shown))"
        try await ViewAudit.record(store, grant, at: now, entity: "diary", detail: detail)
        return diary
    }

    /// Whose diaries the viewer may open: their own if they hold a caseload,
    /// and their organisation's personal advisers if they manage a team.
    public func owners(for grant: AccessGrant) async throws -> [StoredUser] {
        var owners: [StoredUser] = []
        if grant.allows(.changeOwnCaseload) { owners.append(grant.user) }
        if grant.allows(.teamOverview) {
            owners += try await UserQueries(store: store).advisers(organisationID: grant.user.organisationID).filter { $0.id != grant.user.id }
        }
        return owners
    }

    private func owner(_ adviserID: Int64?, _ grant: AccessGrant) async throws -> StoredUser {
        guard let adviserID, adviserID != grant.user.id else {
            try grant.require(.changeOwnCaseload)
            return grant.user
        }
        try grant.require(.teamOverview)
        guard let adviser = try await UserQueries(store: store).user(id: adviserID),
            adviser.organisationID == grant.user.organisationID, adviser.role == .personalAdviser
        else { throw Refusal.notFound("There is no personal adviser with that id in your organisation.") }
        return adviser
    }

    static func midnight(_ date: CalendarDate) -> Date {
        UKClock.calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) ?? .distantPast
    }
}
