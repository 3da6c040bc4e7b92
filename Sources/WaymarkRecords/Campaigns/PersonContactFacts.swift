public import WaymarkCore

/// What the contact rules need about each young person, read in batches.
public struct PersonContactFacts: Sendable, Equatable {
    public var reach = ReachDetails()
    public var optedOut: Set<ContactChannel> = []
    public var doNotContact = false
    /// Days since each outbound attempt in the rules' period, by channel.
    public var attemptAges: [ContactChannel: [Int]] = [:]
    /// An answer from the self-service page is waiting to be verified.
    public var awaitingVerification = false

    public init() {}

    /// Channels with something to send to.
    public var reachable: Set<ContactChannel> {
        var channels: Set<ContactChannel> = []
        if reach.mobile != nil { channels.insert(.sms) }
        if reach.mobile != nil || reach.landline != nil { channels.insert(.phone) }
        if reach.email != nil { channels.insert(.email) }
        if reach.postcode != nil, !reach.addressLines.isEmpty { channels.formUnion([.letter, .visit]) }
        return channels
    }
}
