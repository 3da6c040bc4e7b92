/// What happened to one young person a campaign considered.
public struct CampaignOutcome: Sendable, Equatable {
    public var channel: ContactChannel
    /// Nil when the rules let the campaign contact them; otherwise why not.
    public var skipReason: String?
    /// A message went out, a letter was printed, or a call or knock was made.
    public var attempted: Bool
    /// They answered: on the self-service page, by reply, or to the officer.
    public var responded: Bool
    /// Their activity is now known and current.
    public var resolved: Bool
    /// Days from the campaign's send to the activity being recorded, when resolved.
    public var daysToResolution: Int?
    /// Not known when the campaign went out, so resolving them lowers the not-known count.
    public var wasNotKnown: Bool
    /// Each dimension the report groups by ("Age", "Ward", "Characteristic") with the groups this person is in.
    public var groups: [String: [String]]

    public init(channel: ContactChannel, skipReason: String?, attempted: Bool, responded: Bool, resolved: Bool, daysToResolution: Int?,
                wasNotKnown: Bool, groups: [String: [String]]) {
        self.channel = channel
        self.skipReason = skipReason
        self.attempted = attempted
        self.responded = responded
        self.resolved = resolved
        self.daysToResolution = daysToResolution
        self.wasNotKnown = wasNotKnown
        self.groups = groups
    }
}

/// Counts for a set of outcomes; rates are of those contacted, because a
/// person the rules skipped was never asked.
public struct CampaignTally: Sendable, Equatable {
    public var considered = 0
    public var contacted = 0
    public var attempted = 0
    public var responded = 0
    public var resolved = 0

    public init() {}

    mutating func add(_ outcome: CampaignOutcome) {
        considered += 1
        guard outcome.skipReason == nil else { return }
        contacted += 1
        if outcome.attempted { attempted += 1 }
        if outcome.responded { responded += 1 }
        if outcome.resolved { resolved += 1 }
    }

    /// Share of those contacted who answered, 0…1; nil when nobody was contacted.
    public var responseRate: Double? { contacted == 0 ? nil : Double(responded) / Double(contacted) }
    public var resolutionRate: Double? { contacted == 0 ? nil : Double(resolved) / Double(contacted) }
}

/// The manager's view of which methods work for whom.
public struct CampaignReport: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public let name: String
        public let tally: CampaignTally
    }

    public struct Dimension: Sendable, Equatable {
        public let name: String
        public let groups: [Group]
    }

    public let overall: CampaignTally
    public let byChannel: [Group]
    public let byDimension: [Dimension]
    /// Why people were not contacted, most common first.
    public let skipped: [(reason: String, count: Int)]
    public let medianDaysToResolution: Double?
    public let notKnownResolved: Int

    public init(_ outcomes: [CampaignOutcome]) {
        var overall = CampaignTally()
        var channels: [ContactChannel: CampaignTally] = [:]
        var dimensions: [String: [String: CampaignTally]] = [:]
        var skipped: [String: Int] = [:]
        var days: [Int] = []
        var notKnownResolved = 0
        for outcome in outcomes {
            overall.add(outcome)
            channels[outcome.channel, default: CampaignTally()].add(outcome)
            for (dimension, groups) in outcome.groups {
                for group in Set(groups) { dimensions[dimension, default: [:]][group, default: CampaignTally()].add(outcome) }
            }
            if let reason = outcome.skipReason { skipped[reason, default: 0] += 1 }
            if outcome.skipReason == nil, outcome.resolved {
                if let day = outcome.daysToResolution { days.append(day) }
                if outcome.wasNotKnown { notKnownResolved += 1 }
            }
        }
        self.overall = overall
        byChannel = ContactChannel.allCases.compactMap { channel in channels[channel].map { Group(name: channel.meaning, tally: $0) } }
        byDimension = dimensions.keys.sorted().map { name in
            Dimension(name: name, groups: dimensions[name, default: [:]].map { Group(name: $0.key, tally: $0.value) }.sorted { $0.name < $1.name })
        }
        self.skipped = Self.ranked(skipped)
        medianDaysToResolution = Self.median(days)
        self.notKnownResolved = notKnownResolved
    }

    /// Reasons with their counts, the most common first (ties by name, so the order is stable).
    public static func ranked(_ counts: [String: Int]) -> [(reason: String, count: Int)] {
        counts.map { (reason: $0.key, count: $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason }
    }

    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    public static func == (left: CampaignReport, right: CampaignReport) -> Bool {
        left.overall == right.overall && left.byChannel == right.byChannel && left.byDimension == right.byDimension
            && left.skipped.map(\.reason) == right.skipped.map(\.reason) && left.skipped.map(\.count) == right.skipped.map(\.count)
            && left.medianDaysToResolution == right.medianDaysToResolution && left.notKnownResolved == right.notKnownResolved
    }
}
