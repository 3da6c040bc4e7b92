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
    public let reason: String
}

/// Builds a queue from the young people in scope that pass the filter,
/// classified with the one classification function on the day.
public struct WorkQueueBuilder: Sendable {
    let store: Store
    let classifier: ParticipationClassifier

    public init(store: Store, classifier: ParticipationClassifier) {
        self.store = store
        self.classifier = classifier
    }

    /// `days` is the window for lapsing and no-contact queues.
    public func build(_ queue: WorkQueue, days: Int, filter: QueueFilter, scope: RecordScope, now: Date) async throws -> [QueueEntry] {
        let today = CalendarDate.today(from: now)
        let contactCutoff = Timestamp.format(now.addingTimeInterval(-Double(days) * 86_400))
        var entries: [QueueEntry] = []
        try await QueueQuery(store: store).forEachBatch(in: scope, filter: filter, on: today) { rows in
            for row in rows {
                guard let facts = row.facts, let reason = reason(queue, facts, row, today: today, days: days, contactCutoff: contactCutoff) else { continue }
                entries.append(QueueEntry(member: row.member, adviserID: row.adviserID, ward: row.ward, reason: reason))
            }
        }
        return entries
    }

    private func reason(_ queue: WorkQueue, _ facts: ParticipationFacts, _ row: QueueRow, today: CalendarDate, days: Int, contactCutoff: String) -> String? {
        let state = classifier.classify(facts, on: today)
        switch queue {
        case .notKnown:
            guard case .notKnown(let why) = state else { return nil }
            if let code = facts.currentActivity?.code, why == .recordedNotKnown { return "\(code.rawValue) – \(code.meaning)" }
            return why.rawValue.prefix(1).uppercased() + why.rawValue.dropFirst()
        case .lapsing:
            guard case .eet = state, let activity = facts.currentActivity else { return nil }
            let lapse = classifier.currency.dueToLapseDate(for: activity)
            guard lapse <= today.adding(days: days) else { return nil }
            return "\(activity.code.rawValue) lapses on \(lapse.iso)"
        case .neetNoContact:
            guard case .neet = state, (row.lastContact ?? "") < contactCutoff else { return nil }
            return row.lastContact.map { "Last contact \($0.prefix(10))" } ?? "No contact recorded"
        case .guaranteeNotRecorded:
            // The same cohort and year group as the published measure (GuaranteeFigures): Year 11 offers at academic age 16, Year 12 at 17.
            if case .notInCohort = state { return nil }
            guard let year = GuaranteeFigures.guaranteeYear(forAcademicAge: AcademicAge.of(dateOfBirth: facts.dateOfBirth, on: today)) else { return nil }
            let status = row.guarantees[year]
            guard status == nil || status == GuaranteeStatus.notYetRecorded.rawValue else { return nil }
            let academicYear = AcademicYear(containing: today)
            return status == nil ? "No Year \(year.rawValue) guarantee for \(academicYear)" : "Year \(year.rawValue) guarantee for \(academicYear): 159 not yet recorded"
        }
    }
}
