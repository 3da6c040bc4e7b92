public import WaymarkCore

/// Which young people a user's organisation may see. Every query that lists or
/// opens records takes one, so scoping is never left to the page.
public enum RecordScope: Sendable, Equatable, Codable {
    /// Everyone the local authority is responsible for.
    case authority(laCode: String)
    /// Those a school, college or provider reaches on a day (``ReachPolicy``),
    /// within its LA's records, decided from the school history.
    case establishment(reach: EstablishmentReach, laCode: String)

    public var laCode: String {
        switch self {
        case .authority(let code), .establishment(_, let code): code
        }
    }
}
