public import Foundation
import WaymarkCore
import WaymarkFormats
public import WaymarkRecords
import WaymarkStore

extension RiskDesk {
    /// The LA's page: every school with pupils scored in Years 9–11, and how many are medium and high.
    public func schools(for grant: AccessGrant, at now: Date) async throws -> [RiskSchoolSummary] {
        try grant.require(.riskLists)
        guard case .authority = grant.scope else { throw Refusal.forbidden("The lists of every school are for local authority staff.") }
        let names = Dictionary(uniqueKeysWithValues: try await OrganisationQueries(store: store).all().map { ($0.id, $0.name) })
        let counts = try await RiskScores(store: store).schoolCounts(yearGroups: RiskRefresh.listYears)
        try await ViewAudit.record(store, grant, at: now, entity: "risk_list", detail: "schools; counts only")
        return counts.map { RiskSchoolSummary(schoolID: $0.schoolID, name: names[$0.schoolID] ?? "School \($0.schoolID)", pupils: $0.pupils, medium: $0.medium, high: $0.high) }
            .sorted { ($0.high + $0.medium, $0.name) > ($1.high + $1.medium, $1.name) }
    }

    /// A school's list: LA staff name the school; a careers leader sees their own school's only.
    public func list(school requested: Int64?, for grant: AccessGrant, at now: Date) async throws -> RiskSchoolList {
        let list = try await unaudited(school: requested, for: grant)
        try await ViewAudit.record(
            store, grant, at: now, entity: "risk_list", entityID: list.schoolID, detail: "school=\(list.schoolID); \(ViewAudit.shown(list.entries.map(\.personID)))")
        return list
    }

    /// The list as the page shows it, as a spreadsheet: one row a pupil, the reasons they may see in one cell.
    public func listExport(school requested: Int64?, for grant: AccessGrant, format: ExportFormat, at now: Date) async throws -> ExportDownload {
        let list = try await unaudited(school: requested, for: grant)
        try await ViewAudit.record(
            store, grant, at: now, entity: "risk_list", entityID: list.schoolID,
            detail: "export; format=\(format.rawValue); school=\(list.schoolID); \(ViewAudit.shown(list.entries.map(\.personID)))")
        let rows = list.entries.map { entry -> [SpreadsheetCell] in
            let reasons = entry.reasons.map { "\($0.indicator.title): \($0.evidence) +\($0.points)" }
            return [
                .text(entry.name), .number(Double(entry.yearGroup)), .number(Double(entry.points)), .text(entry.band.title),
                .text(entry.onList ? "Yes" : "No"), .text(reasons.joined(separator: "; ")),
                .text(entry.change.map { "\($0.action == .add ? "Added" : "Taken off") by the school: \($0.reason)" } ?? ""),
            ]
        }
        let table = SpreadsheetTable(
            title: "Risk of NEET", columns: ["Name", "Year", "Points", "Band", "On the list", "Reasons", "School's change"], rows: rows)
        return ExportDownload(table, format: format, fileStem: ExportDownload.stem("risk-of-neet-\(list.schoolID)", on: now))
    }

    private func unaudited(school requested: Int64?, for grant: AccessGrant) async throws -> RiskSchoolList {
        let schoolID = try school(requested, for: grant)
        guard let school = try await OrganisationQueries(store: store).organisation(id: schoolID) else { throw Refusal.notFound("There is no such school.") }
        let (settings, _) = try await settingsStore.inForce()
        let pupils = try await RiskListQuery(store: store).pupils(of: schoolID, yearGroups: RiskRefresh.listYears, in: grant.scope)
        let changes = try await RiskListChanges(store: store).inForce(school: schoolID)
        // A school sees the reasons drawn from what schools report (attendance, exclusions, meals,
        // attainment, language, moves: what it holds or received in a CTF); the rest only by its role's classes.
        var visible = grant.visibleClasses
        if case .establishment = grant.scope { visible.insert(.educationAndActivity) }
        // Each viewer's score counts only the reasons they may see, and the list is ranked and
        // banded by it: a total with unexplained points, or an order set by them, would tell a
        // school that a pupil is looked after, offends or is pregnant without saying which.
        let entries = pupils.map { pupil in
            let shown = pupil.score.reasons.filter { visible.contains($0.indicator.sensitivityClass) }
            let points = shown.reduce(0) { $0 + $1.points }
            let band = settings.band(for: points)
            let change = changes[pupil.personID]
            let onList = change.map { $0.action == .add } ?? (band >= .medium)
            return RiskListEntry(
                personID: pupil.personID, name: "\(pupil.givenName) \(pupil.familyName)", yearGroup: pupil.yearGroup, points: points,
                band: band, reasons: shown, onList: onList, change: change)
        }.sorted { ($0.points, $1.name) > ($1.points, $0.name) }
        return RiskSchoolList(
            schoolID: schoolID, schoolName: school.name, entries: entries, scoredOn: pupils.map(\.scoredOn).max(), settings: settings)
    }

    /// A careers leader puts one of their pupils on the list, or takes them off, with a reason (kept, audited).
    public func change(
        _ action: RiskListAction, person: Int64, reason: String, for grant: AccessGrant, at now: Date
    ) async throws {
        try grant.require(.postPupilInformation)
        let schoolID = grant.user.organisationID
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw Refusal.invalid("reason: say why the pupil is being \(action == .add ? "added to" : "taken off") the list.") }
        guard reason.count <= 500 else { throw Refusal.invalid("reason: 500 characters or fewer.") }
        let pupils = try await RiskListQuery(store: store).pupils(of: schoolID, yearGroups: RiskRefresh.listYears, in: grant.scope)
        guard pupils.contains(where: { $0.personID == person }) else { throw Refusal.notFound("That pupil is not among your school's Years 9 to 11.") }
        _ = try await store.change(by: .portal(user: grant.user.id, organisation: schoolID), at: now) { tx in
            try await tx.changeRiskList(action, for: person, school: schoolID, reason: reason)
        }
    }

    private func school(_ requested: Int64?, for grant: AccessGrant) throws -> Int64 {
        if grant.allows(.riskLists), case .authority = grant.scope {
            guard let requested else { throw Refusal.badRequest("Choose a school.") }
            return requested
        }
        try grant.require(.schoolPortal)
        if let requested, requested != grant.user.organisationID { throw Refusal.forbidden("You can see your own school's list only.") }
        return grant.user.organisationID
    }
}
