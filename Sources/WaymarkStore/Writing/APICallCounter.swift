import Foundation

/// Counts each API client's calls in its current minute without a write per call.
///
/// On SQLite one process owns the file, so the count lives in memory: the
/// upsert it replaces took the single write lock on every call, queueing API
/// reads behind one another and behind the audit's commits. On PostgreSQL
/// several servers share one count, so calls that arrive while a count is
/// being written wait and go together in the next upsert, which adds their
/// number; each caller still gets its own place in the minute, as if counted
/// one by one.
final class APICallCounter: @unchecked Sendable {
    /// Adds `calls` to the client's minute in the shared table and returns the new total.
    typealias SharedAdd = @Sendable (_ clientID: Int64, _ window: Date, _ calls: Int) async throws -> Int

    private struct Key: Hashable {
        let clientID: Int64
        let window: Date
    }

    private let lock = NSLock()
    private var inMemory: [Int64: (window: Date, calls: Int)] = [:]
    private var waiting: [Key: [CheckedContinuation<Int, any Error>]] = [:]
    private var adding: Set<Key> = []

    /// The call's place in its client's minute, counted in this process only.
    func countHere(clientID: Int64, window: Date) -> Int {
        lock.withLock {
            let calls = inMemory[clientID].map { $0.window == window ? $0.calls + 1 : 1 } ?? 1
            inMemory[clientID] = (window, calls)
            return calls
        }
    }

    /// The call's place in its client's minute, counted in the shared table
    /// together with any calls waiting for the same client and minute.
    func countShared(clientID: Int64, window: Date, add: @escaping SharedAdd) async throws -> Int {
        let key = Key(clientID: clientID, window: window)
        return try await withCheckedThrowingContinuation { (place: CheckedContinuation<Int, any Error>) in
            let startAdding = lock.withLock {
                waiting[key, default: []].append(place)
                return adding.insert(key).inserted
            }
            if startAdding { Task { await self.drain(key, add) } }
        }
    }

    private func drain(_ key: Key, _ add: SharedAdd) async {
        while true {
            let batch: [CheckedContinuation<Int, any Error>] = lock.withLock {
                let taken = waiting.removeValue(forKey: key) ?? []
                if taken.isEmpty { adding.remove(key) }
                return taken
            }
            guard !batch.isEmpty else { return }
            do {
                let total = try await add(key.clientID, key.window, batch.count)
                // The batch took the places just below the total, in the order its calls arrived.
                for (index, place) in batch.enumerated() { place.resume(returning: total - batch.count + 1 + index) }
            } catch {
                for place in batch { place.resume(throwing: error) }
            }
        }
    }
}
