public import Foundation
import WaymarkCore
import WaymarkFormats
import WaymarkRecords
import WaymarkStore

/// The data-protection reviewer's lists as downloads, every page of them
/// (the pages show 50 at a time, newest first), for a report to the data
/// protection officer. Each names young people, so each is audited as an
/// export, as the pages are.
extension AccessReview {
    static let batch = 500

    public func breakGlassExport(format: ExportFormat, for grant: AccessGrant, at now: Date) async throws -> ExportDownload {
        try grant.require(.reviewAccess)
        let queries = BreakGlassQueries(store: store)
        let records = try await Self.everyPage { before, limit in
            try await queries.accesses(before: before, limit: limit).map { BreakGlassRecord($0, now: now) }
        }
        try await ViewAudit.record(
            store, grant, at: now, entity: "break_glass_access",
            detail: "export; format=\(format.rawValue); break-glass review; count=\(records.count); \(ViewAudit.shown(records.map(\.personID)))")
        let rows = records.map { record -> [SpreadsheetCell] in
            [
                .date(CalendarDate.today(from: record.grantedAt)), .text(Self.clockTime(record.grantedAt)), .text(record.userName), .text(record.userRole),
                .integer(Int(record.personID)), .text(record.classes.map(\.label).joined(separator: ", ")), .text(record.reason),
                .date(CalendarDate.today(from: record.expiresAt)), .text(Self.clockTime(record.expiresAt)), .text(record.hasExpired ? "Expired" : "Open"),
                .textOrEmpty(record.adviserTold),
            ]
        }
        let table = SpreadsheetTable(
            title: "Break the glass", columns: [
                "Date", "Time", "Who", "Role", "Record number", "Opened", "Reason", "Expires on", "Expires at", "Status", "Adviser told",
            ], rows: rows)
        return ExportDownload(table, format: format, fileStem: ExportDownload.stem("break-glass-review", on: now))
    }

    public func accessLogExport(person: Int64, format: ExportFormat, for grant: AccessGrant, at now: Date) async throws -> ExportDownload {
        try grant.require(.reviewAccess)
        guard try await CaseloadLookup(store: store).placement(of: person, in: grant.scope) != nil else { throw BreakGlassDesk.noSuchRecord }
        let trail = PersonAuditTrail(store: store)
        let entries = try await Self.everyPage { before, limit in
            try await trail.events(about: person, before: before, limit: limit).map(AccessLogEntry.init)
        }
        try await ViewAudit.record(
            store, grant, at: now, entity: "audit_event", personID: person,
            detail: "export; format=\(format.rawValue); access log; count=\(entries.count)")
        let rows = entries.map { entry -> [SpreadsheetCell] in
            [
                .date(CalendarDate.today(from: entry.occurredAt)), .text(Self.clockTime(entry.occurredAt)), .text(entry.who), .textOrEmpty(entry.role),
                .text(entry.action), .text(entry.what), .textOrEmpty(entry.detail),
            ]
        }
        let table = SpreadsheetTable(title: "Access log of \(person)", columns: ["Date", "Time", "Who", "Role", "Action", "What", "Detail"], rows: rows)
        return ExportDownload(table, format: format, fileStem: ExportDownload.stem("access-log-\(person)", on: now))
    }

    /// Every row, newest first, read `batch` at a time below the last one read.
    static func everyPage<Item: Identifiable>(_ rows: (_ before: Int64?, _ limit: Int) async throws -> [Item]) async throws -> [Item] where Item.ID == Int64 {
        var all: [Item] = []
        var before: Int64?
        while true {
            let read = try await rows(before, batch)
            all += read
            guard read.count == batch, let last = read.last?.id else { return all }
            before = last
        }
    }

    /// "09:05": the UK clock time of an instant.
    static func clockTime(_ instant: Date) -> String {
        let parts = UKClock.calendar.dateComponents([.hour, .minute], from: instant)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
