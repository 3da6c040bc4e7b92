public import Foundation
public import WaymarkCore
import WaymarkRecords
public import WaymarkStore

/// The data-protection reviewer's pages: every break-the-glass access with
/// its reason, and who has looked at one record. Both show personal data, so
/// each view is audited with the page it showed.
public struct AccessReview: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Break-the-glass accesses, newest first, a page at a time from below `before`.
    public func breakGlassAccesses(for grant: AccessGrant, before: Int64?, at now: Date) async throws -> ReviewPage<BreakGlassRecord> {
        try grant.require(.reviewAccess)
        let queries = BreakGlassQueries(store: store)
        let shown = try await ReviewPage.read(before: before) { before, limit in
            try await queries.accesses(before: before, limit: limit).map { BreakGlassRecord($0, now: now) }
        }
        try await ViewAudit.record(store, grant, at: now, entity: "break_glass_access", detail: "break-glass review; " + shown.auditDescription)
        return shown
    }

    /// Every audit event about `person`, newest first: views, changes,
    /// exports, merges and break-the-glass accesses.
    public func accessLog(for grant: AccessGrant, person: Int64, before: Int64?, at now: Date) async throws -> ReviewPage<AccessLogEntry> {
        try grant.require(.reviewAccess)
        guard try await CaseloadLookup(store: store).placement(of: person, in: grant.scope) != nil else { throw BreakGlassDesk.noSuchRecord }
        let trail = PersonAuditTrail(store: store)
        let shown = try await ReviewPage.read(before: before) { before, limit in
            try await trail.events(about: person, before: before, limit: limit).map(AccessLogEntry.init)
        }
        try await ViewAudit.record(store, grant, at: now, entity: "audit_event", personID: person, detail: "access log; " + shown.auditDescription)
        return shown
    }
}

/// One break-the-glass access on the review page.
public struct BreakGlassRecord: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let personID: Int64
    public let userName: String
    public let userRole: String
    public let reason: String
    public let classes: [SensitivityClass]
    public let grantedAt: Date
    public let expiresAt: Date
    public let hasExpired: Bool
    /// The adviser a notice was stored for; nil when nobody was told.
    public let adviserTold: String?

    init(_ stored: StoredBreakGlassAccess, now: Date) {
        id = stored.id
        personID = stored.personID
        userName = stored.userName
        userRole = stored.userRole.displayName
        reason = stored.reason
        classes = stored.classes.sorted()
        grantedAt = stored.grantedAt
        expiresAt = stored.expiresAt
        hasExpired = stored.expiresAt <= now
        adviserTold = stored.toldUserName
    }
}

/// One audit event on "who has looked at this record".
public struct AccessLogEntry: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let occurredAt: Date
    /// The user's name, or the system that acted ("system:import").
    public let who: String
    /// The user's role now (the trail does not keep the role held then); nil for systems.
    public let role: String?
    public let action: String
    /// The kind of thing and its id: "young_person 12", "break_glass_access 3".
    public let what: String
    public let detail: String?

    init(_ entry: PersonAuditEntry) {
        id = entry.id
        occurredAt = entry.occurredAt
        who = entry.userName ?? entry.actor
        role = entry.userRole?.displayName
        action = entry.action
        what = [entry.entity, entry.entityID.map(String.init)].compactMap { $0 }.joined(separator: " ")
        detail = entry.detail
    }
}
