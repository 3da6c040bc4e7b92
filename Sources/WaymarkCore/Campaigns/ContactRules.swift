/// How a campaign reaches a young person.
public enum ContactChannel: String, CaseIterable, Sendable, Codable {
    case sms, email, letter, phone, visit

    public var meaning: String {
        switch self {
        case .sms: "Text message"
        case .email: "E-mail"
        case .letter: "Letter"
        case .phone: "Phone call"
        case .visit: "Home visit"
        }
    }

    /// Channels that reach a person at a moment, so quiet hours apply to them.
    public var isIntrusive: Bool { self == .sms || self == .phone || self == .visit }
}

/// The limits a local authority sets so tracking never feels like harassment.
/// Waymark's defaults; every one is configurable (docs/POLICIES.md).
public struct ContactRulesPolicy: Sendable, Equatable {
    /// Quiet hours in local minutes after midnight: no texts, calls or visits from `start` until `end`.
    public var quietStart = 20 * 60
    public var quietEnd = 9 * 60
    /// No intrusive contact on Sundays.
    public var quietOnSundays = true
    /// At most this many attempts per channel in any `periodDays` days.
    public var maxAttemptsPerChannel: [ContactChannel: Int] = [.sms: 3, .email: 3, .letter: 2, .phone: 4, .visit: 2]
    public var periodDays = 28

    public init() {}
}

/// What is known about a young person that the rules need, at the moment of sending.
public struct ContactFacts: Sendable, Equatable {
    /// Channels the young person has said not to use.
    public var optedOut: Set<ContactChannel>
    /// A flag on the record that forbids contact (a safeguarding concern, for one).
    public var doNotContact: Bool
    /// Already resolved: their activity is known and current, so there is nothing to ask.
    public var resolved: Bool
    /// Days since each earlier attempt on each channel (0 = today).
    public var attemptAges: [ContactChannel: [Int]]
    /// Whether there is a number, address or e-mail to use for each channel.
    public var reachable: Set<ContactChannel>

    public init(optedOut: Set<ContactChannel> = [], doNotContact: Bool = false, resolved: Bool = false,
                attemptAges: [ContactChannel: [Int]] = [:], reachable: Set<ContactChannel> = Set(ContactChannel.allCases)) {
        self.optedOut = optedOut
        self.doNotContact = doNotContact
        self.resolved = resolved
        self.attemptAges = attemptAges
        self.reachable = reachable
    }
}

/// The local moment of sending, as the rules see it.
public struct LocalMoment: Sendable, Equatable {
    public var minuteOfDay: Int
    /// 1 = Sunday … 7 = Saturday (as Foundation's Gregorian calendar counts).
    public var weekday: Int

    public init(minuteOfDay: Int, weekday: Int) {
        self.minuteOfDay = minuteOfDay
        self.weekday = weekday
    }
}

/// Why a message is not sent (now or at all), in words for the campaign report.
public enum ContactDecision: Sendable, Equatable {
    case send
    /// Not now: try again at the end of quiet hours.
    case wait(String)
    /// Not at all, for this campaign.
    case skip(String)
}

/// Decides, for one person and channel, whether an attempt may go out now.
/// Order matters: the reasons never to contact come before "not now".
public struct ContactRules: Sendable {
    public let policy: ContactRulesPolicy

    public init(policy: ContactRulesPolicy = ContactRulesPolicy()) {
        self.policy = policy
    }

    public func decide(_ channel: ContactChannel, for facts: ContactFacts, at moment: LocalMoment) -> ContactDecision {
        if facts.doNotContact { return .skip("the record says not to contact") }
        if facts.resolved { return .skip("already resolved") }
        if facts.optedOut.contains(channel) { return .skip("opted out of \(channel.meaning.lowercased())") }
        if !facts.reachable.contains(channel) { return .skip("no \(channel == .email ? "e-mail address" : channel == .letter || channel == .visit ? "address" : "phone number") on record") }
        let limit = policy.maxAttemptsPerChannel[channel] ?? Int.max
        let recent = (facts.attemptAges[channel] ?? []).filter { $0 < policy.periodDays }.count
        if recent >= limit { return .skip("\(recent) attempts by \(channel.meaning.lowercased()) in \(policy.periodDays) days already") }
        if channel.isIntrusive, isQuiet(moment) { return .wait("quiet hours") }
        return .send
    }

    public func isQuiet(_ moment: LocalMoment) -> Bool {
        if policy.quietOnSundays, moment.weekday == 1 { return true }
        let minute = moment.minuteOfDay
        return policy.quietStart > policy.quietEnd
            ? minute >= policy.quietStart || minute < policy.quietEnd
            : minute >= policy.quietStart && minute < policy.quietEnd
    }
}
