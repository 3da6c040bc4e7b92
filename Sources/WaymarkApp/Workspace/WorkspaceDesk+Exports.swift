public import Foundation
import WaymarkCore
import WaymarkFormats
public import WaymarkRecords

/// The home page's lists and the manager's team table as downloads: the
/// same rows as the page, from the same calls. A list of young people is
/// audited as an export, with the list and everyone on it; the team table
/// (advisers' counts, no young person) is not.
extension WorkspaceDesk {
    static let caseloadColumns = ["Record number", "Given name", "Family name", "Date of birth", "School", "Why"]

    /// One of the adviser's own lists, by name.
    public func myListExport(_ list: WorkList, format: ExportFormat, for grant: AccessGrant, at now: Date) async throws -> ExportDownload {
        let items = try await workToday(for: grant, at: now).items(list)
        let detail = "export; format=\(format.rawValue); my work; list=\(list.rawValue); \(ViewAudit.shown(items.map(\.member.id)))"
        try await ViewAudit.record(store, grant, at: now, entity: "caseload_list", detail: detail)
        let table = SpreadsheetTable(
            title: list.title, columns: Self.caseloadColumns, rows: items.map { Self.caseloadRow($0.member, reason: $0.reason) })
        return ExportDownload(table, format: format, fileStem: ExportDownload.stem("my-work-\(list.rawValue)", on: now))
    }

    /// One adviser's caseload, or the people they contacted this month, for their manager.
    public func teamListExport(
        adviser adviserID: Int64, contactsThisMonth: Bool, format: ExportFormat, for grant: AccessGrant, at now: Date
    ) async throws -> ExportDownload {
        let list = try await teamList(adviser: adviserID, contactsThisMonth: contactsThisMonth, for: grant, at: now, auditAs: "export; format=\(format.rawValue); ")
        let name = contactsThisMonth ? "contacted-this-month" : "caseload"
        let table = SpreadsheetTable(
            title: contactsThisMonth ? "Contacted this month" : "Caseload", columns: Self.caseloadColumns,
            rows: list.members.map { Self.caseloadRow($0, reason: Self.tierMeaning($0)) })
        return ExportDownload(table, format: format, fileStem: ExportDownload.stem("team-\(adviserID)-\(name)", on: now))
    }

    /// The team table: each adviser's caseload size and contacts this month. Counts only, so not audited.
    public func teamExport(format: ExportFormat, for grant: AccessGrant, at now: Date) async throws -> ExportDownload {
        let workloads = try await team(for: grant, at: now)
        let table = SpreadsheetTable(
            title: "My team", columns: ["Personal adviser", "Account disabled", "Caseload", "Contacts this month", "Caseload contacted this month", "Contact rate"],
            rows: workloads.map { line in
                [.text(line.displayName), .text(line.disabled ? "Yes" : "No"), .integer(line.caseload), .integer(line.contactsThisMonth),
                 .integer(line.caseloadContacted), line.caseload == 0 ? .empty : .percentage(Double(line.caseloadContacted) / Double(line.caseload) * 100)]
            })
        return ExportDownload(table, format: format, fileStem: ExportDownload.stem("team", on: now))
    }

    /// What the list page shows in its "Why" column for a manager's view of a caseload.
    public static func tierMeaning(_ member: CaseloadMember) -> String {
        member.tier.flatMap(CaseloadTier.init(rawValue:))?.meaning ?? ""
    }

    static func caseloadRow(_ member: CaseloadMember, reason: String) -> [SpreadsheetCell] {
        [
            .integer(Int(member.id)), .text(member.givenName), .text(member.familyName), .day(iso: member.dateOfBirth),
            .textOrEmpty(member.school), .text(reason),
        ]
    }
}
