public import Foundation
import WaymarkCore
import WaymarkFormats
import WaymarkRecords

/// The campaign report's tables as one sheet: each breakdown's groups one
/// after another under the page's columns, rates as percentages to one
/// decimal place, then who was not contacted and why. Counts only, no one
/// named, so not audited (as the page is not).
extension CampaignDesk {
    static let reportColumns = [
        "Breakdown", "Group", "Considered", "Included", "Sent", "Answered", "Response rate (%)", "Resolved", "Resolution rate (%)",
    ]

    public func reportExport(_ id: Int64, format: ExportFormat, for grant: AccessGrant, at now: Date) async throws -> ExportDownload {
        let (campaign, report) = try await report(id, for: grant, at: now)
        var rows: [[SpreadsheetCell]] = [Self.tallyRow("All", "All", report.overall)]
        rows += report.byChannel.map { Self.tallyRow("Channel", $0.name, $0.tally) }
        for dimension in report.byDimension {
            rows += dimension.groups.map { Self.tallyRow(dimension.name, $0.name, $0.tally) }
        }
        rows += report.skipped.map { [.text("Not contacted, and why"), .text($0.reason), .integer($0.count), .empty, .empty, .empty, .empty, .empty, .empty] }
        let table = SpreadsheetTable(title: "Campaign report", columns: Self.reportColumns, rows: rows)
        return ExportDownload(table, format: format, fileStem: ExportDownload.stem("campaign-\(campaign.id)-report", on: now))
    }

    static func tallyRow(_ breakdown: String, _ group: String, _ tally: CampaignTally) -> [SpreadsheetCell] {
        func percent(_ rate: Double?) -> SpreadsheetCell { rate.map { .percentage($0 * 100) } ?? .empty }
        return [
            .text(breakdown), .text(group), .integer(tally.considered), .integer(tally.contacted), .integer(tally.attempted), .integer(tally.responded),
            percent(tally.responseRate), .integer(tally.resolved), percent(tally.resolutionRate),
        ]
    }

    /// A sent campaign's members as its page lists them: who, how to reach
    /// them (when the role sees contact details), where each has got to and,
    /// for calls and visits, the outcome; a visit round in its streets' order.
    /// Audited as an export of everyone on it.
    public func membersExport(_ id: Int64, format: ExportFormat, for grant: AccessGrant, at now: Date) async throws -> ExportDownload {
        let view = try await campaign(id, for: grant, at: now, auditAs: "export; format=\(format.rawValue); ")
        let campaign = view.campaign
        guard campaign.status == .sent else {
            throw Refusal.conflict("The campaign has not been sent, so it has no members to download yet.")
        }
        let channel = campaign.channel
        let handWorked = channel == .phone || channel == .visit
        let showsContact = grant.visibleClasses.contains(.contact)
        func round(_ member: CampaignMemberRow) -> String {
            member.included ? CampaignMemberText.sector(view.reach[member.personID]?.postcode) : "Not visited"
        }
        var members = view.members
        if channel == .visit {
            // Street by street, as the page groups them, those not visited last.
            members = members.enumerated().sorted { left, right in
                let (a, b) = (round(left.element), round(right.element))
                let (aLast, bLast) = (!left.element.included, !right.element.included)
                if aLast != bLast { return !aLast }
                return a != b ? a < b : left.offset < right.offset
            }.map(\.element)
        }
        var columns = ["Record number", "Given name", "Family name"]
        if channel == .visit { columns.append("Round") }
        columns += [CampaignMemberText.contactHeading(on: channel), "State"]
        if handWorked { columns.append("Outcome") }
        let rows = members.map { member -> [SpreadsheetCell] in
            let contact = !showsContact ? CampaignMemberText.restricted
                : member.included ? CampaignMemberText.contact(member, view.reach[member.personID], on: channel) : "–"
            var row: [SpreadsheetCell] = [.integer(Int(member.personID)), .text(member.givenName), .text(member.familyName)]
            if channel == .visit { row.append(.text(round(member))) }
            row += [.text(contact), .text(member.included ? CampaignMemberText.state(of: member, on: channel) : "Not contacted: \(member.reason ?? "")")]
            if handWorked { row.append(.textOrEmpty(member.outcome)) }
            return row
        }
        let table = SpreadsheetTable(title: "Campaign members", columns: columns, rows: rows)
        return ExportDownload(table, format: format, fileStem: ExportDownload.stem("campaign-\(campaign.id)-members", on: now))
    }
}
