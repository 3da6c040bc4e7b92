public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// The lists on a personal adviser's home page. Each is a policy a service
/// could tune; the defaults are the issue's: 14 days without contact, 30 days
/// to lapse, new for 14 days.
public struct WorkTodayPolicy: Sendable, Equatable {
    public var neetWithoutContactDays = 14
    public var lapsingWithinDays = 30
    public var newForDays = 14
    public var missedAppointmentsForDays = 30

    public init() {}
}

/// Which list a young person is on, and why (shown beside their name).
public enum WorkList: String, CaseIterable, Sendable {
    case neetNoContact = "neet-no-contact"
    case missedAppointment = "missed-appointments"
    case lapsing = "lapsing"
    case followUpsDue = "follow-ups-due"
    case newlyAdded = "new"
    case tier1 = "tier-1", tier2 = "tier-2", tier3 = "tier-3", noTier = "no-tier"

    public var title: String {
        switch self {
        case .neetNoContact: "NEET with no contact for 14 days"
        case .missedAppointment: "Missed appointments"
        case .lapsing: "Activity lapsing within 30 days"
        case .followUpsDue: "Follow-ups due"
        case .newlyAdded: "New to my caseload"
        case .tier1: CaseloadTier.universal.meaning
        case .tier2: CaseloadTier.targeted.meaning
        case .tier3: CaseloadTier.intensive.meaning
        case .noTier: "No tier set"
        }
    }

    public static let needsMe: [WorkList] = [.neetNoContact, .missedAppointment, .lapsing, .followUpsDue, .newlyAdded]
    public static let tiers: [WorkList] = [.tier1, .tier2, .tier3, .noTier]
}

/// A caseload member on a list, with the reason in words.
public struct WorkItem: Sendable, Equatable {
    public let member: CaseloadMember
    public let reason: String
}

/// Everything on an adviser's "my work today", computed from their caseload.
public struct WorkToday: Sendable {
    public let caseloadSize: Int
    public let lists: [WorkList: [WorkItem]]

    public func items(_ list: WorkList) -> [WorkItem] { lists[list] ?? [] }
}

/// Builds ``WorkToday`` with a handful of queries joined on the caseload, so
/// it costs the same at 3,000 or 250,000 young people in the LA.
public struct WorkTodayBuilder: Sendable {
    let store: Store
    let classifier: ParticipationClassifier
    let policy: WorkTodayPolicy

    public init(store: Store, classifier: ParticipationClassifier, policy: WorkTodayPolicy = WorkTodayPolicy()) {
        self.store = store
        self.classifier = classifier
        self.policy = policy
    }

    public func build(for adviserID: Int64, scope: RecordScope, now: Date) async throws -> WorkToday {
        let today = CalendarDate.today(from: now)
        let queries = CaseloadQueries(store: store)
        async let members = queries.members(of: adviserID, in: scope)
        async let histories = queries.activities(of: adviserID)
        async let send = queries.send(of: adviserID)
        async let lastContact = queries.lastContact(of: adviserID)
        async let missed = queries.missedAppointments(
            of: adviserID, since: Timestamp.format(now.addingTimeInterval(-Double(policy.missedAppointmentsForDays) * 86_400)))
        async let followUps = queries.followUpsDue(assignedTo: adviserID, by: today.adding(days: 7), in: scope)
        let people = try await members
        let (activities, withSEND, contacted, missedAt, due) = try await (histories, send, lastContact, missed, followUps)
        var lists: [WorkList: [WorkItem]] = [:]
        func add(_ list: WorkList, _ member: CaseloadMember, _ reason: String) { lists[list, default: []].append(WorkItem(member: member, reason: reason)) }
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0) })
        let contactCutoff = Timestamp.format(now.addingTimeInterval(-Double(policy.neetWithoutContactDays) * 86_400))
        for member in people {
            let tierList: WorkList = switch member.tier.flatMap(CaseloadTier.init(rawValue:)) {
            case .universal: .tier1
            case .targeted: .tier2
            case .intensive: .tier3
            case nil: .noTier
            }
            add(tierList, member, member.since.map { "On caseload since \(Self.readable($0))" } ?? "")
            let current = ActivityHistory.current(in: activities[member.id] ?? [], on: today)
            if let state = state(of: member, current: current, hasSEND: withSEND.contains(member.id), on: today) {
                if case .neet = state, (contacted[member.id] ?? "") < contactCutoff {
                    add(.neetNoContact, member, contacted[member.id].map { "Last contact \(Self.readable($0))" } ?? "No contact recorded")
                }
            }
            if let current, current.code.group.isEET {
                let lapse = classifier.currency.dueToLapseDate(for: current)
                if lapse >= today, lapse <= today.adding(days: policy.lapsingWithinDays) {
                    add(.lapsing, member, "\(current.code.rawValue) lapses on \(lapse.iso)")
                }
            }
            if let missedOn = missedAt[member.id] { add(.missedAppointment, member, "Missed \(Self.readable(missedOn))") }
            if let since = member.since, since >= today.adding(days: -policy.newForDays).iso { add(.newlyAdded, member, "Added \(since)") }
        }
        for followUp in due {
            guard let member = byID[followUp.personID] else { continue }
            let overdue = followUp.dueOn < today.iso ? " (overdue)" : ""
            add(.followUpsDue, member, "\(followUp.description) – due \(followUp.dueOn)\(overdue)")
        }
        return WorkToday(caseloadSize: people.count, lists: lists)
    }

    private func state(of member: CaseloadMember, current: ActivityRecord?, hasSEND: Bool, on today: CalendarDate) -> ParticipationState? {
        guard let dateOfBirth = try? CalendarDate(iso: member.dateOfBirth), let status = try? CohortStatus.parse(member.cohortStatus) else { return nil }
        return classifier.classify(ParticipationFacts(dateOfBirth: dateOfBirth, cohortStatus: status, hasSEND: hasSEND, currentActivity: current), on: today)
    }

    /// The date part of an ISO timestamp or date.
    static func readable(_ iso: String) -> String { String(iso.prefix(10)) }
}
