public import WaymarkCore

/// The outcomes an officer records from a call or a knock, in two clicks.
public enum CampaignOutcomes {
    public struct Choice: Sendable {
        public let key: String
        public let label: String
        /// They answered: counts as a response in the report.
        public let responded: Bool
    }

    public static func choices(for channel: ContactChannel) -> [Choice] {
        switch channel {
        case .phone:
            [Choice(key: "spoke", label: "Spoke to them", responded: true), Choice(key: "message", label: "Left a message", responded: false),
             Choice(key: "no-answer", label: "No answer", responded: false), Choice(key: "wrong-number", label: "Wrong number", responded: false)]
        case .visit:
            [Choice(key: "spoke", label: "Spoke to them", responded: true),
             Choice(key: "family", label: "Spoke to family", responded: true),
             Choice(key: "no-one-in", label: "No one in, card left", responded: false),
             Choice(key: "moved", label: "Moved away", responded: false)]
        default: []
        }
    }
}
