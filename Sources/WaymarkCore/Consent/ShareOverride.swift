public import Foundation

/// A refusal set aside by someone who may, with a reason, for a while: one
/// flow, one young person, some classes, to one recipient or to any.
public struct ShareOverride: Hashable, Sendable, Codable {
    public var id: Int64
    public var flowKey: String
    public var recipientID: Int64?
    public var classes: Set<SensitivityClass>
    public var grantedAt: Date
    public var expiresAt: Date

    public init(id: Int64, flowKey: String, recipientID: Int64?, classes: Set<SensitivityClass>, grantedAt: Date, expiresAt: Date) {
        self.id = id
        self.flowKey = flowKey
        self.recipientID = recipientID
        self.classes = classes
        self.grantedAt = grantedAt
        self.expiresAt = expiresAt
    }

    /// From its grant until, not including, its expiry.
    public func covers(_ share: ProposedShare, flow: String, at now: Date) -> Bool {
        flowKey == flow && classes.contains(share.dataClass) && (recipientID.map { $0 == share.recipientID } ?? true)
            && grantedAt <= now && now < expiresAt
    }
}

/// How long an override lasts: long enough to finish the piece of work it
/// was needed for, short enough that it is not a standing permission.
public struct ShareOverridePolicy: Sendable, Equatable {
    public let hours: Int

    public static let standard = ShareOverridePolicy(hours: 72)

    public init(hours: Int) { self.hours = hours }

    public func expiry(from granted: Date) -> Date { granted.addingTimeInterval(TimeInterval(hours) * 3600) }
}
