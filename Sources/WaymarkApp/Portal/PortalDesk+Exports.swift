public import Foundation
import WaymarkCore
import WaymarkFormats
import WaymarkRecords
import WaymarkStore

/// A school's or college's lists as downloads: its leavers with the page's
/// filters (every page) and its current students. The same lines as the
/// pages — what each young person lets the school see, and no more — each
/// download audited as an export of the people in it.
extension PortalDesk {
    static let leaverColumns = ["Name", "Left", "Doing now", "Where"]

    public func leaversExport(for grant: AccessGrant, year: Int?, attentionOnly: Bool, format: ExportFormat, at now: Date) async throws -> ExportDownload {
        let (organisation, _, chosen, _, _, matching) = try await chosenLeavers(for: grant, year: year, attentionOnly: attentionOnly, at: now)
        let lines = try await lines(for: matching, organisation: organisation, today: CalendarDate.today(from: now), at: now)
        try await ViewAudit.record(
            store, grant, at: now, entity: "portal_leavers", entityID: organisation.id,
            detail: "export; format=\(format.rawValue); " + ViewAudit.parts([
                ("organisation", String(organisation.id)), ("flow", DataFlowDefaults.Key.schoolPortal), ("year", chosen.map { String($0.year) } ?? "all"),
                ("filter", attentionOnly ? "neet-or-not-known" : nil),
            ]) + "; " + ViewAudit.shown(lines.map(\.personID)))
        let rows = lines.map { line -> [SpreadsheetCell] in
            [.text(line.name), .dateOrEmpty(line.leftOn), .text(Self.doing(line)), .text(Self.place(line))]
        }
        let which = chosen.map { "\($0.year) leavers" } ?? "Leavers"
        let table = SpreadsheetTable(title: attentionOnly ? "\(which) NEET or not known" : which, columns: Self.leaverColumns, rows: rows)
        let stem = "leavers-" + (chosen.map { String($0.year) } ?? "last-three-years") + (attentionOnly ? "-neet-or-not-known" : "")
        return ExportDownload(table, format: format, fileStem: ExportDownload.stem(stem, on: now))
    }

    public func studentsExport(for grant: AccessGrant, format: ExportFormat, at now: Date) async throws -> ExportDownload {
        try grant.require(.schoolPortal)
        let organisation = try await establishment(of: grant)
        let today = CalendarDate.today(from: now)
        let everyone = try await PortalQueries(store: store).current(of: organisation.id, on: today, in: grant.scope)
        let lines = try await lines(for: everyone, organisation: organisation, today: today, at: now)
        try await ViewAudit.record(
            store, grant, at: now, entity: "portal_students", entityID: organisation.id,
            detail: "export; format=\(format.rawValue); organisation=\(organisation.id); flow=\(DataFlowDefaults.Key.schoolPortal); "
                + ViewAudit.shown(lines.map(\.personID)))
        let table = SpreadsheetTable(title: "Students", columns: ["Name", "Doing now"], rows: lines.map { line -> [SpreadsheetCell] in [.text(line.name), .text(Self.doing(line))] })
        return ExportDownload(table, format: format, fileStem: ExportDownload.stem("students", on: now))
    }

    /// As the pages say it: the category, or that it is not shared.
    public static func doing(_ line: PortalLine) -> String {
        line.category?.label ?? "Not shared"
    }

    /// The provider and the exact activity, or why they are not shown.
    public static func place(_ line: PortalLine) -> String {
        if let placement = line.placement { return [placement.provider, placement.code.meaning].compactMap { $0 }.joined(separator: " – ") }
        return line.category == nil ? "Not shared" : "Shared only with their consent"
    }
}
