public import Foundation
public import WaymarkCore
import WaymarkRecords
public import WaymarkStore

/// The notices stored for the signed-in user: today, that someone broke the
/// glass on the record of a young person on their caseload. Shown on the
/// home page; a notice names the young person and carries the reason, so
/// showing it is audited against that person like any other view.
public struct AdviserNotices: Sendable {
    let store: Store

    /// How far back the home page looks, and how many it shows.
    public static let window: TimeInterval = 7 * 24 * 3600
    public static let limit = 5

    public init(store: Store) {
        self.store = store
    }

    public func recent(for grant: AccessGrant, at now: Date) async throws -> [BreakGlassNotice] {
        // A notice names the young person: only someone who may read records now sees it.
        guard grant.allows(.readRecords) else { return [] }
        let notices = try await NotificationQueries(store: store)
            .breakGlassNotices(for: grant.user.id, since: now.addingTimeInterval(-Self.window), limit: Self.limit)
        guard !notices.isEmpty else { return [] }
        for notice in notices {
            try await ViewAudit.record(store, grant, at: now, entity: "break_glass_access", entityID: notice.accessID, personID: notice.personID, detail: "notice")
        }
        return notices.map { BreakGlassNotice($0, now: now) }
    }
}

/// "Someone broke the glass on a young person's record", as their adviser reads it.
public struct BreakGlassNotice: Sendable, Equatable {
    public let personID: Int64
    public let personName: String
    public let userName: String
    public let userRole: String
    public let reason: String
    public let classes: [SensitivityClass]
    public let grantedAt: Date
    public let expiresAt: Date
    public let hasExpired: Bool

    init(_ stored: StoredBreakGlassNotice, now: Date) {
        personID = stored.personID
        personName = stored.personName
        userName = stored.userName
        userRole = stored.userRole.displayName
        reason = stored.reason
        classes = stored.classes.sorted()
        grantedAt = stored.grantedAt
        expiresAt = stored.expiresAt
        hasExpired = stored.expiresAt <= now
    }
}
