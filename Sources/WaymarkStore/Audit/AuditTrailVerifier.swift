import SQLKit

/// Walks the audit chain from its first event and stops at the first break.
public struct AuditTrailVerifier: Sendable {
    /// What a walk found.
    public struct Outcome: Sendable, Equatable {
        /// Events whose links held, up to the break if there is one.
        public var checked = 0
        public var firstBreak: AuditChainBreak?
        /// The newest event's id and hash when the chain holds: kept somewhere
        /// else, it shows later whether events were removed from the end.
        public var headID: Int64?
        public var headHash: String?

        public var holds: Bool { firstBreak == nil }
    }

    let store: Store
    public var rowsPerRead = 10_000

    public init(store: Store) {
        self.store = store
    }

    public func verify() async throws -> Outcome {
        var outcome = Outcome()
        var head = AuditChainHead.empty
        var previousID: Int64?
        while true {
            // Not after head.id: a row slipped in with an id of zero or less must be read too.
            let events = try await AuditEventRows.read(after: previousID ?? .min, limit: rowsPerRead, on: store.sql)
            guard !events.isEmpty else { break }
            for event in events {
                if let problem = Self.check(event, after: head.hash, previousID: previousID) {
                    outcome.firstBreak = problem
                    return outcome
                }
                head = AuditChainHead(id: event.content.id, hash: event.chainHash ?? "")
                previousID = event.content.id
                outcome.checked += 1
            }
        }
        if previousID != nil {
            outcome.headID = head.id
            outcome.headHash = head.hash
        }
        return outcome
    }

    static func check(_ event: StoredAuditEvent, after previousHash: String, previousID: Int64?) -> AuditChainBreak? {
        guard let claimedPrevious = event.previousHash, let hash = event.chainHash else { return .unchained(eventID: event.content.id) }
        guard claimedPrevious == previousHash else { return .brokenLink(eventID: event.content.id, after: previousID) }
        guard AuditChain.link(after: claimedPrevious, event.content) == hash else { return .changed(eventID: event.content.id) }
        return nil
    }
}
