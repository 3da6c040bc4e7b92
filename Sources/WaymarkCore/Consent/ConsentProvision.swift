public import Foundation

/// Whether a provision lets information go or stops it.
public enum ConsentDecision: String, CaseIterable, Sendable, Codable {
    case permit, deny
}

/// Who gave (or refused) the consent: the young person, or a parent or carer
/// for a young person under 16.
public enum ConsentGiver: String, CaseIterable, Sendable, Codable {
    case youngPerson = "young-person"
    case parent

    public var label: String {
        switch self {
        case .youngPerson: "the young person"
        case .parent: "a parent or carer"
        }
    }
}

/// How it was given. Verbal consent names the worker who heard it; a
/// choice carried in a transfer package names the authority it was given
/// to (by its LA code): it came with the young person when they moved.
public enum ConsentMethod: Hashable, Sendable, Codable {
    case selfService
    case paper
    case verbal(worker: String)
    case transfer(fromLA: String)

    public var code: String {
        switch self {
        case .selfService: "self-service"
        case .paper: "paper"
        case .verbal: "verbal"
        case .transfer: "transfer"
        }
    }

    public var label: String {
        switch self {
        case .selfService: "on their own page"
        case .paper: "on a paper form"
        case .verbal(let worker): "verbally, to \(worker)"
        case .transfer(let la): "to local authority \(la), carried here in their transfer package"
        }
    }
}

/// Where a provision comes from: a choice the young person (or parent) made,
/// or their objection under the Education and Skills Act 2008 s72 to a
/// school or college passing more than their basic details on.
public enum ConsentOrigin: String, Sendable, Codable {
    case choice
    case section72Objection = "s72-objection"
}

/// One consent provision: permit or deny sharing a class of information
/// about a young person, for a purpose, with a recipient, over a period of
/// days. A `nil` purpose or data class covers every one. Withdrawal ends a
/// provision at an instant and is kept; a provision is never deleted.
public struct ConsentProvision: Hashable, Sendable, Codable {
    public var id: Int64
    public var decision: ConsentDecision
    public var purpose: SharingPurpose?
    public var recipient: ConsentRecipient
    public var dataClass: SensitivityClass?
    /// First day it applies.
    public var from: CalendarDate
    /// Last day it applies; nil for no end.
    public var until: CalendarDate?
    public var givenBy: ConsentGiver
    public var method: ConsentMethod
    public var origin: ConsentOrigin
    public var recordedAt: Date
    public var withdrawnAt: Date?

    public init(
        id: Int64 = 0, decision: ConsentDecision, purpose: SharingPurpose?, recipient: ConsentRecipient, dataClass: SensitivityClass?,
        from: CalendarDate, until: CalendarDate? = nil, givenBy: ConsentGiver, method: ConsentMethod, origin: ConsentOrigin = .choice,
        recordedAt: Date, withdrawnAt: Date? = nil
    ) {
        self.id = id
        self.decision = decision
        self.purpose = purpose
        self.recipient = recipient
        self.dataClass = dataClass
        self.from = from
        self.until = until
        self.givenBy = givenBy
        self.method = method
        self.origin = origin
        self.recordedAt = recordedAt
        self.withdrawnAt = withdrawnAt
    }

    /// In force at `now` (on `today`): inside its period, recorded, and not withdrawn.
    public func isInForce(on today: CalendarDate, at now: Date) -> Bool {
        guard from <= today, until.map({ today <= $0 }) ?? true, recordedAt <= now else { return false }
        return withdrawnAt.map { now < $0 } ?? true
    }

    public func covers(_ share: ProposedShare) -> Bool {
        (purpose.map { $0 == share.purpose } ?? true) && (dataClass.map { $0 == share.dataClass } ?? true)
            && recipient.covers(organisation: share.recipientID, kind: share.recipientKind)
    }

    /// How exactly it names the share, compared in order: the recipient
    /// (one organisation, a kind, anyone), then the data class, then the purpose.
    public var specificity: [Int] {
        [recipient.specificity, dataClass == nil ? 0 : 1, purpose == nil ? 0 : 1]
    }
}

/// One class of information about to go to one recipient for one purpose.
public struct ProposedShare: Hashable, Sendable {
    public var purpose: SharingPurpose
    public var recipientID: Int64?
    public var recipientKind: OrganisationKind?
    public var dataClass: SensitivityClass

    public init(purpose: SharingPurpose, recipientID: Int64?, recipientKind: OrganisationKind?, dataClass: SensitivityClass) {
        self.purpose = purpose
        self.recipientID = recipientID
        self.recipientKind = recipientKind
        self.dataClass = dataClass
    }
}
