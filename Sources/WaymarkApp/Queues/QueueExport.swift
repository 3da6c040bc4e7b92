public import Foundation
public import WaymarkCore
public import WaymarkRecords

/// A queue as CSV, read from the store a chunk at a time as it is written,
/// so a queue of any size is never held in memory as rows or text.
public struct QueueExport: Sendable {
    public let queue: WorkQueue
    /// Everyone in it, in order (already audited).
    public let ids: [Int64]
    let builder: WorkQueueBuilder
    let scope: RecordScope
    let now: Date
    let adviserNames: [Int64: String]

    static let chunk = 500
    public static let header = CSVText.line([
        "Record number", "Given name", "Family name", "Date of birth", "School", "Ward", "Adviser", "Last contact", "Why",
    ]) + CSVText.lineEnding

    public var fileName: String {
        "queue-\(queue.rawValue)-\(CalendarDate.today(from: now).iso).csv"
    }

    /// Hands the header and then the lines, a chunk at a time, to `write`.
    public func write(_ write: (String) async throws -> Void) async throws {
        try await write(Self.header)
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + Self.chunk, ids.count)])
            let entries = try await builder.entries(queue, of: chunk, scope: scope, now: now)
            try await write(entries.map { line($0) + CSVText.lineEnding }.joined())
            start += Self.chunk
        }
    }

    func line(_ entry: QueueEntry) -> String {
        let text = CSVText.spreadsheetText
        return CSVText.line([
            String(entry.member.id), text(entry.member.givenName), text(entry.member.familyName), entry.member.dateOfBirth,
            text(entry.member.school ?? ""), text(entry.ward ?? ""), text(entry.adviserID.map { adviserNames[$0] ?? "User \($0)" } ?? ""),
            entry.lastContact.map { String($0.prefix(10)) } ?? "", text(entry.reason),
        ])
    }
}
