import Foundation

/// Writes events that stand alone (a view, a search, an export: no change
/// to commit with them) together. Every event takes the chain lock and a
/// commit; when a whole team opens records at once, one transaction for all
/// the events waiting is most of the difference between a page at once and
/// a queue for the lock. Each caller still returns only after its event is
/// committed, so nothing is shown before it is audited.
final class AuditBatcher: @unchecked Sendable {
    typealias Write = @Sendable ([AuditEventContent]) async throws -> Void

    private let lock = NSLock()
    private var waiting: [(event: AuditEventContent, done: CheckedContinuation<Void, any Error>)] = []
    private var writing = false
    /// One transaction's worth; more wait for the next.
    static let batchLimit = 500

    /// Returns once `event` is committed, or throws what stopped its batch.
    func append(_ event: AuditEventContent, write: @escaping Write) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            let startWriter = lock.withLock {
                waiting.append((event, done))
                defer { writing = true }
                return !writing
            }
            if startWriter { Task { await self.drain(write) } }
        }
    }

    private func drain(_ write: Write) async {
        while true {
            let batch: [(event: AuditEventContent, done: CheckedContinuation<Void, any Error>)] = lock.withLock {
                let taken = Array(waiting.prefix(Self.batchLimit))
                waiting.removeFirst(taken.count)
                if taken.isEmpty { writing = false }
                return taken
            }
            guard !batch.isEmpty else { return }
            do {
                try await write(batch.map(\.event))
                for entry in batch { entry.done.resume() }
            } catch {
                for entry in batch { entry.done.resume(throwing: error) }
            }
        }
    }
}
