public import Foundation
public import WaymarkStore

/// Removes return files older than the retention period from Waymark's
/// returns directory, recording each removal in the audit trail.
public struct ReturnFilePruner: Sendable {
    let store: Store
    let directory: String
    let retention: ReturnRetention

    public init(store: Store, directory: String, retention: ReturnRetention = .standard) {
        self.store = store
        self.directory = directory
        self.retention = retention
    }

    /// The names of the files removed, oldest first.
    @discardableResult
    public func prune(by actor: Actor, at now: Date) async throws -> [String] {
        let expired = try expiredFiles(at: now)
        guard !expired.isEmpty else { return [] }
        let directory = directory
        let months = retention.months
        return try await store.change(by: actor, at: now) { tx in
            for name in expired {
                // Removed inside the change: a file that cannot be removed rolls back its audit event.
                try FileManager.default.removeItem(atPath: URL(fileURLWithPath: directory).appendingPathComponent(name).path)
                try await tx.recordReturnFileRemoved(fileName: name, keptMonths: months)
            }
            return expired
        }
    }

    func expiredFiles(at now: Date) throws -> [String] {
        guard FileManager.default.fileExists(atPath: directory) else { return [] }
        let cutoff = retention.cutoff(at: now)
        var expired: [(name: String, written: Date)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where ReturnFiles.isReturnFile(name) {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            guard let written = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date else { continue }
            if written < cutoff { expired.append((name, written)) }
        }
        return expired.sorted { ($0.written, $0.name) < ($1.written, $1.name) }.map(\.name)
    }
}
