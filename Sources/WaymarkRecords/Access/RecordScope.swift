/// Which young people a user's organisation may see. Every query that lists or
/// opens records takes one, so scoping is never left to the page.
public enum RecordScope: Sendable, Equatable, Codable {
    /// Everyone the local authority is responsible for.
    case authority(laCode: String)
    /// The pupils or students of one school or college, within its LA's records.
    case establishment(organisationID: Int64, laCode: String)

    public var laCode: String {
        switch self {
        case .authority(let code), .establishment(_, let code): code
        }
    }
}
