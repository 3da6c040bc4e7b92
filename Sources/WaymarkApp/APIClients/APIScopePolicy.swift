public import WaymarkRecords

/// Which permissions a scope needs: a client may be given a scope only when
/// its role holds at least one of them, so no scope promises what the use
/// cases behind it would refuse.
public enum APIScopePolicy {
    public static func permissions(for scope: APIScope) -> Set<Permission> {
        switch scope {
        case .readPeople: [.readRecords]
        case .writeActivities: [.changeAnyRecord]
        case .writeDestinations: [.postPupilInformation]
        case .writeImports: [.resolveMatches, .postPupilInformation]
        case .readFigures: [.figures, .schoolPortal]
        case .readReturns, .writeReturns: [.statutoryReturns]
        case .exchangeTransfers: [.transferPeople]
        case .lookUpElsewhere: [.lookUpElsewhere]
        }
    }

    /// The scopes a role can be given.
    public static func scopes(for role: Role) -> [APIScope] {
        APIScope.allCases.filter { !permissions(for: $0).isDisjoint(with: AccessPolicy.permissions(of: role)) }
    }

    /// The roles an API client can act as: any that some scope fits, but the administrator's, whose work is accounts.
    public static let roles: [Role] = Role.allCases.filter { $0 != .administrator && !scopes(for: $0).isEmpty }
}
