/// What an API client may be used for, named in its token's grant. A scope
/// opens a group of the API's operations; the client's role still decides,
/// as for a person, whether the use case behind them lets it through.
public enum APIScope: String, CaseIterable, Sendable, Codable, Comparable {
    case readPeople = "read:people"
    case writeActivities = "write:activities"
    case writeDestinations = "write:destinations"
    case writeImports = "write:imports"
    case readFigures = "read:figures"
    case readReturns = "read:returns"
    case writeReturns = "write:returns"
    case exchangeTransfers = "exchange:transfers"
    case lookUpElsewhere = "lookup:elsewhere"

    /// What the administrator's page says each scope allows.
    public var meaning: String {
        switch self {
        case .readPeople: "Find and read young people in the organisation's reach"
        case .writeActivities: "Record activity updates"
        case .writeDestinations: "Post intended destinations and September Guarantee offers"
        case .writeImports: "Send files and read what became of their rows"
        case .readFigures: "Read the figures and the destinations report"
        case .readReturns: "Read and download the NCCIS return"
        case .writeReturns: "Ask for the NCCIS return to be generated"
        case .exchangeTransfers: "Move young people to another local authority, and receive and decide on their transfer packages"
        case .lookUpElsewhere: "Ask which other local authorities know a young person (authority codes only)"
        }
    }

    public static func < (lhs: APIScope, rhs: APIScope) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    /// Scopes from their stored form, "read:people write:imports"; unknown words are dropped.
    public static func parse(list: String) -> Set<APIScope> {
        Set(list.split(separator: " ").compactMap { APIScope(rawValue: String($0)) })
    }

    /// The stored form: names in a fixed order, separated by spaces.
    public static func list(_ scopes: Set<APIScope>) -> String {
        scopes.sorted().map(\.rawValue).joined(separator: " ")
    }
}
