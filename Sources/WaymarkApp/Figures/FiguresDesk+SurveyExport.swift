public import Foundation
import WaymarkCore
import WaymarkFormats

/// The Annual Activity Survey's two tables as downloads. The schools'
/// destinations are counts (not audited, as the page's are not), with each
/// destination's count and percentage in a column of its own so a
/// spreadsheet can sum and chart them. One school's named list is for LA
/// staff only and is audited as an export with everyone on it.
extension FiguresDesk {
    /// Nil while no job has computed the survey yet.
    public func surveyExport(year: Int, school: String?, format: ExportFormat, for grant: AccessGrant, at now: Date) async throws -> ExportDownload? {
        let view = try await survey(year: year, namesFor: school, for: grant, at: now, auditAs: "export; format=\(format.rawValue); ")
        guard let result = view.result else { return nil }
        if let school {
            let rows: [[SpreadsheetCell]] = result.rows.compactMap { entry in
                guard let name = result.names[entry.row.personID] else { return nil }
                return [
                    .text(entry.youngPersonsID), .text(name), .text(entry.row.destination.rawValue.prefix(1).uppercased() + entry.row.destination.rawValue.dropFirst()),
                    entry.row.activityCode.map { .integer($0.rawValue) } ?? .empty,
                ]
            }
            let table = SpreadsheetTable(title: "Named list", columns: ["YoungPersonsID", "Name", "Destination", "Activity code"], rows: rows)
            return ExportDownload(table, format: format, fileStem: "activity-survey-\(laCode.code)-\(year)-named-\(school)")
        }
        func cells(_ counts: DestinationCounts) -> [SpreadsheetCell] {
            [.integer(counts.total)] + SurveyDestination.allCases.flatMap { destination -> [SpreadsheetCell] in
                [.integer(counts.count(destination)), counts.share(destination).percentage.map { .percentage($0) } ?? .empty]
            }
        }
        let columns = ["School", "Young people"] + SurveyDestination.allCases.flatMap { destination -> [String] in
            let name = destination.rawValue.prefix(1).uppercased() + destination.rawValue.dropFirst()
            return [name, "\(name) %"]
        }
        let rows = result.summary.schools.map { [.text($0.school.description)] + cells($0.destinations) }
            + [[.text("All schools")] + cells(result.summary.allSchools)]
        let table = SpreadsheetTable(title: "Destinations by school \(year)", columns: columns, rows: rows)
        return ExportDownload(table, format: format, fileStem: "activity-survey-\(laCode.code)-\(year)-schools")
    }
}
