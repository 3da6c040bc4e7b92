public import Foundation
import WaymarkRecords
import WaymarkStore

extension AccessGrant {
    /// Every use case's first line: refuses unless the role holds the permission.
    public func require(_ permission: Permission) throws {
        guard allows(permission) else { throw AccessDenied(permission: permission, role: role) }
    }

    /// The user as the actor of a change, for provenance and the audit trail.
    var actor: Actor { .user(user.id) }
}

/// The view audit: a use case that shows personal data records what it
/// showed — which list or page, which filter, which school, and the ids of
/// the people on it — before handing it over. The detail holds codes and ids
/// only, never names, dates of birth or addresses.
enum ViewAudit {
    static func record(
        _ store: Store, _ grant: AccessGrant, at now: Date, entity: String, entityID: Int64? = nil, personID: Int64? = nil,
        detail: String
    ) async throws {
        let purpose = grant.purpose.rawValue
        try await store.record(.view, by: grant.actor, at: now, entity: entity, entityID: entityID, personID: personID, detail: "\(detail); purpose=\(purpose)")
    }

    /// "shown=4,9,12": the people a list showed, in the order shown.
    static func shown(_ ids: [Int64]) -> String {
        "shown=" + ids.map(String.init).joined(separator: ",")
    }

    /// "key=value" parts of a detail, leaving out those not set.
    static func parts(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { key, value in value.map { "\(key)=\($0)" } }.joined(separator: "; ")
    }
}
