/// How intensively a personal adviser works with a young person on their
/// caseload. Waymark's own scale (the national standard has none): an LA can
/// read it as universal, targeted and intensive support.
public enum CaseloadTier: Int, CaseIterable, Sendable, Codable, Comparable {
    case universal = 1
    case targeted = 2
    case intensive = 3

    public var meaning: String {
        switch self {
        case .universal: "Tier 1 – universal"
        case .targeted: "Tier 2 – targeted"
        case .intensive: "Tier 3 – intensive"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
