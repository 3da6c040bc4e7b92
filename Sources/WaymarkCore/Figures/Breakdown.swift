/// NEET and not-known counts split by one characteristic of the young people (age, sex, school…).
///
/// Only keys somebody was counted under appear; asking for any other key gives zero counts.
public struct Breakdown<Key: Hashable & Sendable>: Sendable, Equatable {
    public private(set) var counts: [Key: StateCounts]

    public init(_ counts: [Key: StateCounts] = [:]) {
        self.counts = counts
    }

    public subscript(key: Key) -> StateCounts { counts[key] ?? StateCounts() }

    /// The same counts under coarser keys, e.g. ethnicity codes into their broad groups.
    public func regrouped<NewKey: Hashable & Sendable>(by group: (Key) -> NewKey) -> Breakdown<NewKey> {
        var merged: [NewKey: StateCounts] = [:]
        for (key, value) in counts {
            let newKey = group(key)
            merged[newKey] = (merged[newKey] ?? StateCounts()) + value
        }
        return Breakdown<NewKey>(merged)
    }

    /// Counts a young person outside the cohort nowhere, so a key appears only when somebody is in it.
    mutating func add(_ state: ParticipationState, under key: Key) {
        if case .notInCohort = state { return }
        counts[key, default: StateCounts()].add(state)
    }
}

/// Kept as a job's result, so the figures page shows them without computing.
extension Breakdown: Codable where Key: Codable {}

extension Breakdown where Key: Comparable {
    /// Rows in key order, for tables.
    public var rows: [(key: Key, counts: StateCounts)] {
        counts.sorted { $0.key < $1.key }.map { (key: $0.key, counts: $0.value) }
    }
}

extension Breakdown where Key: CaseIterable {
    /// Rows in the code set's own order, only for keys somebody was counted under.
    public var rows: [(key: Key, counts: StateCounts)] {
        Key.allCases.compactMap { key in counts[key].map { (key: key, counts: $0) } }
    }
}

/// A school or ward name, or the absence of one.
///
/// Breakdowns keep people with no school or ward recorded as a row of their own rather
/// than dropping them, so every breakdown adds up to the headline figure.
public enum RecordedName: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    case named(String)
    /// Sorts after every name.
    case notRecorded

    /// `nil` and blank text are both "not recorded".
    public init(_ name: String?) {
        if let name, !name.trimmingWhitespace().isEmpty {
            self = .named(name)
        } else {
            self = .notRecorded
        }
    }

    public var description: String {
        switch self {
        case .named(let name): name
        case .notRecorded: "Not recorded"
        }
    }
}
