public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// What stands between the LA and a clean return: how many records carry
/// each error, a sample of them to open, and what would reject the file.
public struct ReturnReadiness: Sendable {
    /// How many records to keep per error for the report's links.
    public static let examplesPerError = 100

    public struct ErrorCount: Sendable, Identifiable {
        public let error: ReturnError
        public var count: Int
        /// Person ids and their YoungPersonsID, for links to the records.
        public var examples: [(personID: Int64, youngPersonsID: String, detail: String?)]
        public var id: Int { error.number }
    }

    public let periodEnd: CalendarDate
    public internal(set) var records = 0
    public internal(set) var byError: [Int: ErrorCount] = [:]
    /// Stored values the domain refuses; the first few, and how many in all.
    public internal(set) var unreadable: [UnreadableValue] = []
    public internal(set) var unreadableCount = 0

    init(periodEnd: CalendarDate) {
        self.periodEnd = periodEnd
    }

    mutating func add(_ finding: ReturnFinding) {
        var entry = byError[finding.error.number] ?? ErrorCount(error: finding.error, count: 0, examples: [])
        entry.count += 1
        if entry.examples.count < Self.examplesPerError {
            entry.examples.append((finding.personID, finding.youngPersonsID, finding.detail))
        }
        byError[finding.error.number] = entry
    }

    mutating func add(unreadable values: [UnreadableValue]) {
        unreadableCount += values.count
        for value in values where unreadable.count < Self.examplesPerError { unreadable.append(value) }
    }

    /// Errors in priority then number order, for the report.
    public var errors: [ErrorCount] {
        byError.values.sorted { ($0.error.priority, $0.error.number) < ($1.error.priority, $1.error.number) }
    }

    public var findingCount: Int { byError.values.reduce(0) { $0 + $1.count } }
    public var rejectingCount: Int { byError.values.filter(\.error.rejectsFile).reduce(0) { $0 + $1.count } }
    public func count(priority: Int) -> Int { byError.values.filter { $0.error.priority == priority }.reduce(0) { $0 + $1.count } }

    /// Why the file would be rejected or be wrong, in words; empty when it can be sent.
    public var blockers: [String] {
        var reasons: [String] = []
        if records == 0 { reasons.append("No young people are in the return for this period: check the LA code and that records are loaded.") }
        for entry in errors where entry.error.rejectsFile {
            reasons.append("\(entry.count) record(s) with error \(entry.error.number): \(entry.error.message) — the file would be rejected.")
        }
        if unreadableCount > 0 {
            reasons.append("\(unreadableCount) stored value(s) cannot be read, so those records would be sent incomplete.")
        }
        return reasons
    }
}

/// Kept as a readiness job's result; the examples are tuples, so written by hand.
extension ReturnReadiness: Codable {
    private enum CodingKeys: String, CodingKey {
        case periodEnd, records, errors, unreadable, unreadableCount
    }

    private struct StoredError: Codable {
        let error: ReturnError
        let count: Int
        let examples: [StoredExample]
    }

    private struct StoredExample: Codable {
        let personID: Int64
        let youngPersonsID: String
        let detail: String?
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        periodEnd = try container.decode(CalendarDate.self, forKey: .periodEnd)
        records = try container.decode(Int.self, forKey: .records)
        unreadable = try container.decode([UnreadableValue].self, forKey: .unreadable)
        unreadableCount = try container.decode(Int.self, forKey: .unreadableCount)
        for stored in try container.decode([StoredError].self, forKey: .errors) {
            byError[stored.error.number] = ErrorCount(
                error: stored.error, count: stored.count, examples: stored.examples.map { ($0.personID, $0.youngPersonsID, $0.detail) })
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(periodEnd, forKey: .periodEnd)
        try container.encode(records, forKey: .records)
        try container.encode(unreadable, forKey: .unreadable)
        try container.encode(unreadableCount, forKey: .unreadableCount)
        try container.encode(errors.map { entry in
            StoredError(error: entry.error, count: entry.count, examples: entry.examples.map {
                StoredExample(personID: $0.personID, youngPersonsID: $0.youngPersonsID, detail: $0.detail)
            })
        }, forKey: .errors)
    }
}
