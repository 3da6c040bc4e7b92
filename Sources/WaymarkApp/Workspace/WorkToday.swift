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
    /// Follow-ups past their day (also among those due): the manager's team table counts them.
    case followUpsOverdue = "follow-ups-overdue"
    case newlyAdded = "new"
    case tier1 = "tier-1", tier2 = "tier-2", tier3 = "tier-3", noTier = "no-tier"

    public var title: String {
        switch self {
        case .neetNoContact: "NEET with no contact for 14 days"
        case .missedAppointment: "Missed appointments"
        case .lapsing: "Activity lapsing within 30 days"
        case .followUpsDue: "Follow-ups due"
        case .followUpsOverdue: "Follow-ups overdue"
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

/// Builds ``WorkToday`` with three queries joined on the caseload (members
/// with their stored participation positions and last contact, missed
/// appointments, follow-ups), so it costs the same at 3,000 or 250,000 young
/// people in the LA and classifies nothing in the request: the positions are
/// the classifier's answers, kept by the store (see `ParticipationPositions`).
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
        let positions = try await queries.positions(of: adviserID, in: scope)
        let missedAt = try await queries.missedAppointments(
            of: adviserID, since: Timestamp.format(now.addingTimeInterval(-Double(policy.missedAppointmentsForDays) * 86_400)))
        let due = try await queries.followUpsDue(assignedTo: adviserID, by: today.adding(days: 7), in: scope)
        var lists: [WorkList: [WorkItem]] = [:]
        func add(_ list: WorkList, _ member: CaseloadMember, _ reason: String) { lists[list, default: []].append(WorkItem(member: member, reason: reason)) }
        let byID = Dictionary(positions.map { ($0.member.id, $0.member) }, uniquingKeysWith: { first, _ in first })
        let contactCutoff = Timestamp.format(now.addingTimeInterval(-Double(policy.neetWithoutContactDays) * 86_400))
        let lapseBy = today.adding(days: policy.lapsingWithinDays).iso
        for entry in positions {
            let member = entry.member
            let tierList: WorkList = switch member.tier.flatMap(CaseloadTier.init(rawValue:)) {
            case .universal: .tier1
            case .targeted: .tier2
            case .intensive: .tier3
            case nil: .noTier
            }
            add(tierList, member, member.since.map { "On caseload since \(Self.readable($0))" } ?? "")
            if entry.state == .neet, (entry.lastContact ?? "") < contactCutoff {
                add(.neetNoContact, member, entry.lastContact.map { "Last contact \(Self.readable($0))" } ?? "No contact recorded")
            }
            if let code = entry.activityCode.flatMap(ActivityCode.init(rawValue:)), code.group.isEET,
                let lapse = entry.lapsesOn, lapse >= today.iso, lapse <= lapseBy
            {
                add(.lapsing, member, "\(code.rawValue) lapses on \(lapse)")
            }
            if let missedOn = missedAt[member.id] { add(.missedAppointment, member, "Missed \(Self.readable(missedOn))") }
            if let since = member.since, since >= today.adding(days: -policy.newForDays).iso { add(.newlyAdded, member, "Added \(since)") }
        }
        for followUp in due {
            guard let member = byID[followUp.personID] else { continue }
            let overdue = followUp.dueOn < today.iso ? " (overdue)" : ""
            add(.followUpsDue, member, "\(followUp.description) – due \(followUp.dueOn)\(overdue)")
            if !overdue.isEmpty { add(.followUpsOverdue, member, "\(followUp.description) – due \(followUp.dueOn)") }
        }
        return WorkToday(caseloadSize: positions.count, lists: lists)
    }

    /// The date part of an ISO timestamp or date.
    static func readable(_ iso: String) -> String { String(iso.prefix(10)) }
}
