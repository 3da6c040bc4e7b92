/// Who a provision is about receiving information: one organisation, every
/// organisation of a kind, or anyone. The more exact, the more it counts
/// (``ConsentRules``).
public enum ConsentRecipient: Hashable, Sendable, Codable {
    case anyone
    case kind(OrganisationKind)
    case organisation(Int64)

    /// 2 for one organisation, 1 for a kind, 0 for anyone.
    public var specificity: Int {
        switch self {
        case .anyone: 0
        case .kind: 1
        case .organisation: 2
        }
    }

    public func covers(organisation id: Int64?, kind: OrganisationKind?) -> Bool {
        switch self {
        case .anyone: true
        case .kind(let covered): kind == covered
        case .organisation(let covered): id == covered
        }
    }
}
