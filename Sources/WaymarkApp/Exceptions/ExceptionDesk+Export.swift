public import Foundation
import WaymarkFormats
public import WaymarkRecords

/// The exceptions list as a download: the page's rows in the page's order
/// (least certain first), with the record numbers a data manager needs to
/// find each one, and the match probability unrounded (the page's "over
/// 99.9%" would round to a false 100.0). Audited as an
/// export with everyone named.
extension ExceptionDesk {
    static let columns = [
        "Exception number", "What", "Record number", "Name", "Other record number", "Other name", "Import row", "Why not merged",
        "Match probability (0 to 1)",
    ]

    /// The least certain first, as they most need a person; then by number.
    public static func ordered(_ exceptions: [StoredMatchException]) -> [StoredMatchException] {
        exceptions.sorted {
            let (a, b) = (StoredExplanation.uncertainty($0.probability), StoredExplanation.uncertainty($1.probability))
            return a != b ? a > b : $0.id < $1.id
        }
    }

    public func export(format: ExportFormat, for grant: AccessGrant, at now: Date) async throws -> ExportDownload {
        try grant.require(.resolveMatches)
        let (exceptions, names) = try await openExceptions(for: grant)
        var rows: [[SpreadsheetCell]] = []
        var shown: [Int64] = []
        for exception in Self.ordered(exceptions) {
            let probability = SpreadsheetCell.number(exception.probability)
            let reason = SpreadsheetCell.textOrEmpty(StoredExplanation.reason(exception.explanation))
            if exception.kind == .importRow, let incoming = exception.incoming.flatMap(IncomingRow.decode) {
                let candidate = exception.personID.flatMap { id in names[id].map { (id, $0) } }
                if let candidate { shown.append(candidate.0) }
                rows.append([
                    .integer(Int(exception.id)), .text("Incoming row: \(incoming.reason)"), candidate.map { .integer(Int($0.0)) } ?? .empty,
                    .textOrEmpty(candidate?.1), .empty, .empty, .integer(incoming.row), reason, candidate == nil ? .empty : probability,
                ])
                continue
            }
            guard let left = exception.personID, let right = exception.otherPersonID, let leftName = names[left], let rightName = names[right] else { continue }
            shown += [left, right]
            rows.append([
                .integer(Int(exception.id)), .text("Suspected duplicate"), .integer(Int(left)), .text(leftName), .integer(Int(right)), .text(rightName),
                .empty, reason, probability,
            ])
        }
        try await ViewAudit.record(
            store, grant, at: now, entity: "match_exception", detail: "export; format=\(format.rawValue); open exceptions; \(ViewAudit.shown(shown))")
        let table = SpreadsheetTable(title: "Exceptions", columns: Self.columns, rows: rows)
        return ExportDownload(table, format: format, fileStem: ExportDownload.stem("exceptions", on: now))
    }
}
