public import Foundation
import WaymarkCore
import WaymarkFormats
import WaymarkRecords

/// A whole queue as a table for a spreadsheet, read from the store 500
/// people at a time as the file is written, so a queue of any size is never
/// held in memory as rows or text. The page's columns, with the record
/// number standing for the link to each record and the name in two parts a
/// spreadsheet can sort by.
enum QueueExport {
    static let chunk = 500
    static let columns = ["Record number", "Given name", "Family name", "Date of birth", "School", "Ward", "Adviser", "Last contact", "Why"]

    static func download(
        _ queue: WorkQueue, ids: [Int64], format: ExportFormat, builder: WorkQueueBuilder, scope: RecordScope, now: Date, adviserNames: [Int64: String]
    ) -> ExportDownload {
        ExportDownload(
            format: format, fileStem: ExportDownload.stem("queue-\(queue.rawValue)", on: now), sheetName: queue.title, columns: columns,
            rowCount: ids.count
        ) { emit in
            var start = 0
            while start < ids.count {
                let slice = Array(ids[start..<min(start + chunk, ids.count)])
                let entries = try await builder.entries(queue, of: slice, scope: scope, now: now)
                try await emit(entries.map { row($0, adviserNames: adviserNames) })
                start += chunk
            }
        }
    }

    static func row(_ entry: QueueEntry, adviserNames: [Int64: String]) -> [SpreadsheetCell] {
        [
            .integer(Int(entry.member.id)), .text(entry.member.givenName), .text(entry.member.familyName), .day(iso: entry.member.dateOfBirth),
            .textOrEmpty(entry.member.school), .textOrEmpty(entry.ward), .textOrEmpty(entry.adviserID.map { adviserNames[$0] ?? "User \($0)" }),
            .day(iso: entry.lastContact), .text(entry.reason),
        ]
    }
}
