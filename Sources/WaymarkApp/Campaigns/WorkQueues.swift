public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// The tracking team's queues: who to find out about next.
public enum WorkQueue: String, CaseIterable, Sendable {
    /// Recorded as not known (810, 820, 830), lapsed education, employment or training, or nothing recorded.
    case notKnown = "not-known"
    /// An education, employment or training record whose currency lapses within the window.
    case lapsing
    /// NEET (current or lapsed) with no contact within the window.
    case neetNoContact = "neet-no-contact"
    /// 16- and 17-year-olds in the cohort whose September Guarantee for this academic year is missing or 159.
    case guaranteeNotRecorded = "guarantee-not-recorded"

    public var title: String {
        switch self {
        case .notKnown: "Not known"
        case .lapsing: "Currency lapsing soon"
        case .neetNoContact: "NEET with no recent contact"
        case .guaranteeNotRecorded: "September Guarantee not recorded"
        }
    }
}

/// A person on a queue, with why.
public struct QueueEntry: Sendable {
    public let member: CaseloadMember
    public let adviserID: Int64?
    public let ward: String?
    /// The current address's postcode sector ("LS6 2"), for planning visits.
    public var postcodeSector: String? = nil
    /// When they were last contacted (ISO timestamp), if ever.
    public let lastContact: String?
    public let reason: String
}

/// A page of a queue: the people on it, how many there are in all, and the
/// day the positions are as of when some have not yet been brought up to date.
public struct QueueSlice: Sendable {
    public let entries: [QueueEntry]
    public let total: Int
    /// The page shown (from 1), brought within the pages there are.
    public let page: Int
    public let pageSize: Int
    /// Set when some stored positions are older than their day (the positions job has not yet run today).
    public let asOf: String?
}

/// Builds a queue from the stored participation positions (kept by the store
/// with the one classifier, see `ParticipationPositions`): indexed rows, so a
/// request does no LA-wide classifying.
public struct WorkQueueBuilder: Sendable {
    let store: Store
    let classifier: ParticipationClassifier

    public init(store: Store, classifier: ParticipationClassifier) {
        self.store = store
        self.classifier = classifier
    }

    /// Everyone on the queue (a campaign's audience). `days` is the window for lapsing and no-contact queues.
    public func build(_ queue: WorkQueue, days: Int, filter: QueueFilter, scope: RecordScope, now: Date) async throws -> [QueueEntry] {
        let today = CalendarDate.today(from: now)
        let rows = try await QueueQuery(store: store).rows(selection(queue, days: days, now: now), in: scope, filter: filter, on: today, limit: nil)
        return rows.compactMap { entry(queue, $0, today: today) }
    }

    /// One page of the queue in `order`, with its total. A page past the end
    /// (the list shrank since the link was made) shows the last page instead.
    public func page(
        _ queue: WorkQueue, days: Int, filter: QueueFilter, order: QueueOrder = .record, scope: RecordScope, now: Date, page: Int, size: Int
    ) async throws -> QueueSlice {
        let today = CalendarDate.today(from: now)
        let query = QueueQuery(store: store)
        let chosen = selection(queue, days: days, now: now)
        async let stale = query.staleness(on: today)
        let total = try await query.count(chosen, in: scope, filter: filter, on: today)
        let shown = Paging(total: total, size: size).clamped(page)
        let found = try await query.rows(chosen, in: scope, filter: filter, on: today, order: order, limit: size, offset: (shown - 1) * size)
        let staleness = try await stale
        return QueueSlice(entries: found.compactMap { entry(queue, $0, today: today) }, total: total, page: shown, pageSize: size,
                          asOf: staleness.count > 0 ? staleness.oldest : nil)
    }

    /// Everyone on the queue as ids in `order`, for an export to read a chunk at a time with ``entries(_:of:scope:now:)``.
    public func ids(_ queue: WorkQueue, days: Int, filter: QueueFilter, order: QueueOrder, scope: RecordScope, now: Date) async throws -> [Int64] {
        try await QueueQuery(store: store).ids(selection(queue, days: days, now: now), in: scope, filter: filter, on: CalendarDate.today(from: now), order: order)
    }

    /// These people's entries on the queue, in the order given; anyone who has left the queue since is left out.
    public func entries(_ queue: WorkQueue, of ids: [Int64], scope: RecordScope, now: Date) async throws -> [QueueEntry] {
        let today = CalendarDate.today(from: now)
        let rows = try await QueueQuery(store: store).rows(of: ids, in: scope, on: today)
        let byID = Dictionary(rows.map { ($0.member.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ids.compactMap { byID[$0] }.compactMap { entry(queue, $0, today: today) }
    }

    private func selection(_ queue: WorkQueue, days: Int, now: Date) -> QueueSelection {
        let today = CalendarDate.today(from: now)
        switch queue {
        case .notKnown: return .state(ParticipationState.notKnown(.noActivity).storedKind)
        case .lapsing: return .lapsingBy(today.adding(days: days))
        case .neetNoContact: return .neetWithoutContactSince(Timestamp.format(now.addingTimeInterval(-Double(days) * 86_400)))
        case .guaranteeNotRecorded:
            // The same cohort and year group as the published measure (GuaranteeFigures): Year 11 offers at academic age 16, Year 12 at 17.
            var groups: [Int: Int] = [:]
            for age in 0...30 { if let year = GuaranteeFigures.guaranteeYear(forAcademicAge: age) { groups[age] = year.rawValue } }
            return .guaranteeMissing(yearGroupByAcademicAge: groups, academicYear: AcademicYear(containing: today).startYear,
                                     notYetRecorded: GuaranteeStatus.notYetRecorded.rawValue)
        }
    }

    private func entry(_ queue: WorkQueue, _ row: QueueRow, today: CalendarDate) -> QueueEntry? {
        guard let state = row.state, let reason = reason(queue, state, row, today: today) else { return nil }
        return QueueEntry(
            member: row.member, adviserID: row.adviserID, ward: row.ward, postcodeSector: row.postcode.flatMap(PostcodeParts.sector), lastContact: row.lastContact,
            reason: reason)
    }

    private func reason(_ queue: WorkQueue, _ state: ParticipationState, _ row: QueueRow, today: CalendarDate) -> String? {
        let code = row.activityCode.flatMap(ActivityCode.init(rawValue:))
        switch queue {
        case .notKnown:
            guard case .notKnown(let why) = state else { return nil }
            if let code, why == .recordedNotKnown { return "\(code.rawValue) – \(code.meaning)" }
            return why.rawValue.prefix(1).uppercased() + why.rawValue.dropFirst()
        case .lapsing:
            guard case .eet = state, let code, let lapse = row.lapsesOn else { return nil }
            return "\(code.rawValue) lapses on \(lapse)"
        case .neetNoContact:
            guard case .neet = state else { return nil }
            return row.lastContact.map { "Last contact \($0.prefix(10))" } ?? "No contact recorded"
        case .guaranteeNotRecorded:
            if case .notInCohort = state { return nil }
            guard let year = GuaranteeFigures.guaranteeYear(forAcademicAge: row.academicAge) else { return nil }
            let status = row.guarantees[year]
            guard status == nil || status == GuaranteeStatus.notYetRecorded.rawValue else { return nil }
            let academicYear = AcademicYear(containing: today)
            return status == nil ? "No Year \(year.rawValue) guarantee for \(academicYear)" : "Year \(year.rawValue) guarantee for \(academicYear): 159 not yet recorded"
        }
    }
}
