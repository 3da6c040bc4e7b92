import Foundation

/// Audit events a change has asked for, kept until the change is about to
/// commit. Chaining them all at the end means the chain lock is taken last
/// and held only for the insert, so it never waits behind a row lock (no
/// deadlock) and a busy trail serialises as little as possible.
final class PendingAuditEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [AuditEventContent] = []

    func add(_ event: AuditEventContent) {
        lock.withLock { events.append(event) }
    }

    func drain() -> [AuditEventContent] {
        lock.withLock {
            defer { events = [] }
            return events
        }
    }
}
