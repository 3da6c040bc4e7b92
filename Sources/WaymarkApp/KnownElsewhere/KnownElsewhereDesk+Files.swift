public import Foundation
public import WaymarkStore

/// One LA's file loaded into the index, or why it was refused.
public struct KnownElsewhereFileLoad: Sendable {
    public let path: String
    public let outcome: Result<(la: String, digests: Int), any Error>
    public let seconds: Double
}

extension KnownElsewhereDesk {
    /// Two files at a time on PostgreSQL: each file is one transaction, and
    /// while the server inserts one file's batch this process reads and sorts
    /// the other's, so both cores work. SQLite has one writer: one at a time.
    public var filesAtOnce: Int { store.database.engine == .postgres ? 2 : 1 }

    /// Loads several LAs' files, ``filesAtOnce`` at a time; each replaces what
    /// its LA published before, or is refused whole leaving it. `loaded` hears
    /// of each file as it finishes, in the order they finish.
    public func load(files paths: [String], by actor: Actor, loaded: @escaping @Sendable (KnownElsewhereFileLoad) -> Void) async {
        var next = paths.makeIterator()
        await withTaskGroup(of: KnownElsewhereFileLoad.self) { group in
            func start(_ path: String) {
                group.addTask {
                    let started = ContinuousClock.now
                    let outcome: Result<(la: String, digests: Int), any Error>
                    do {
                        let sha = try KnownElsewhereFileSource.sha256(of: path)
                        outcome = .success(try await load(try KnownElsewhereFileSource(path: path), fileSHA256: sha, by: actor, at: Date()))
                    } catch {
                        outcome = .failure(error)
                    }
                    let elapsed = ContinuousClock.now - started
                    return KnownElsewhereFileLoad(
                        path: path, outcome: outcome, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                }
            }
            for _ in 0..<filesAtOnce { if let path = next.next() { start(path) } }
            for await finished in group {
                loaded(finished)
                if let path = next.next() { start(path) }
            }
        }
    }
}
