public import Foundation
public import WaymarkMatching
public import WaymarkRecords
public import WaymarkStore

/// What a scan found.
public struct DuplicateScanSummary: Sendable, Equatable, Codable {
    public let people: Int
    public let candidatePairs: Int
    /// Pairs at or above the review threshold.
    public let suspected: Int
    /// Of those, newly queued (the rest were queued or decided before).
    public let queued: Int
    public let seconds: Double
}

/// Finds suspected duplicates already in the database with the linkage
/// engine and queues each pair, with its explanation, for a person to
/// decide. Nothing is merged automatically: a merge is always a person's call.
public struct DuplicateScanner: Sendable {
    let store: Store
    let configuration: LinkageConfiguration

    public init(store: Store, configuration: LinkageConfiguration = LinkageConfiguration()) {
        self.store = store
        self.configuration = configuration
    }

    public func scan(_ scope: RecordScope, now: Date) async throws -> DuplicateScanSummary {
        let clock = ContinuousClock()
        let started = clock.now
        let records = try await LinkageRecordsQuery(store: store).records(in: scope)
        let result = LinkageEngine.dedupe(records, configuration: configuration)
        let suspected = result.pairs.filter { $0.probability >= result.thresholds.review }
        let exceptions = suspected.compactMap { pair -> NewMatchException? in
            let explanation = result.explanation(for: pair)
            guard let left = Int64(explanation.leftID), let right = Int64(explanation.rightID) else { return nil }
            return NewMatchException(kind: .duplicate, personID: min(left, right), otherPersonID: max(left, right), incoming: nil,
                                     probability: pair.probability, explanation: explanation.jsonLines.joined(separator: "\n"))
        }
        let queued = try await store.change(by: .system("match-scan"), at: now) { tx in
            var count = 0
            for exception in exceptions where try await tx.queueDuplicate(exception) != nil { count += 1 }
            return count
        }
        let elapsed = started.duration(to: clock.now)
        return DuplicateScanSummary(
            people: records.count, candidatePairs: result.candidatePairs, suspected: suspected.count, queued: queued,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}

/// One field of a stored explanation, read back for the side-by-side page.
public struct ExplainedField: Sendable, Equatable {
    public let field: String
    public let level: String
    public let weight: Double
}

public enum StoredExplanation {
    /// Why the engine would not merge the pair ("same address, different given
    /// name and date of birth: likely a sibling"), from the header line; nil if none.
    public static func reason(_ text: String) -> String? {
        guard let header = text.split(separator: "\n").first,
            let object = try? JSONSerialization.jsonObject(with: Data(header.utf8)) as? [String: Any]
        else { return nil }
        return object["reason"] as? String
    }

    /// How far a decision is from obvious: 1 at a probability of one half, 0 at 0 or 1.
    public static func uncertainty(_ probability: Double) -> Double {
        1 - abs(2 * probability - 1)
    }

    /// Reads the per-field lines of `MatchExplanation.jsonLines`; lines that cannot be read are skipped.
    public static func fields(_ text: String) -> [ExplainedField] {
        text.split(separator: "\n").dropFirst().compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let field = object["field"] as? String, let level = object["level"] as? String, let weight = object["weight"] as? Double
            else { return nil }
            return ExplainedField(field: field, level: level, weight: weight)
        }
    }
}
