import Foundation
import WaymarkApp
import WaymarkFormats
import WaymarkRecords

struct ImportsPage: PageModel {
    static let template = "imports"

    struct Problems: Sendable {
        var file: String?
        var rows: [String] = []
        /// The kind chosen when the file came back with problems, kept so it need not be chosen again.
        var kind: String?
    }

    struct Batch: Sendable {
        let fileName: String
        let kind: String
        let importedAt: String
        // Counts as shown: "12,400".
        let rows: String
        let updated: String
        let unchanged: String
        let created: String
        let excepted: String
        let state: String
        let highlighted: Bool
    }

    /// One kind's columns, listed beside the form with a template to download.
    struct Template: Sendable {
        struct Column: Sendable {
            let label: String
            let need: String
            let hint: String
            let alsoAccepted: String
        }

        let title: String
        let href: String
        let columns: [Column]

        init(_ kind: ImportKind) {
            title = kind.title
            href = Paths.importTemplate(kind.rawValue)
            columns = kind.columns.map { column in
                Column(
                    label: column.field.label, need: column.required ? "Required" : "Optional", hint: column.field.hint,
                    alsoAccepted: column.aliases.dropFirst().joined(separator: ", "))
            }
        }
    }

    let title = "Import a file"
    let templates = ImportKind.spreadsheetKinds.map(Template.init)
    let frame: StaffFrame
    let kinds: [Choice]
    let fileProblem: String?
    let rowProblems: [String]
    let hasRowProblems: Bool
    let hasProblems: Bool
    let batches: [Batch]
    let hasBatches: Bool
    let notice: String?

    init(
        frame: StaffFrame, recent: [ImportBatchSummary], outcomes: [Int64: [ImportOutcome: Int]], highlighted: Int64?, again: Bool = false,
        problems: Problems
    ) {
        self.frame = frame
        kinds = ImportKind.allCases.map { Choice(value: $0.rawValue, label: $0.title, selected: $0.rawValue == problems.kind) }
        fileProblem = problems.file
        rowProblems = problems.rows
        hasRowProblems = !problems.rows.isEmpty
        hasProblems = problems.file != nil
        batches = recent.map { batch in
            let counts = outcomes[batch.id] ?? [:]
            return Batch(
                fileName: batch.fileName, kind: ImportKind(rawValue: batch.kind)?.title ?? batch.kind, importedAt: UKTime.describe(batch.importedAt),
                rows: batch.rowsRead.formatted(), updated: (counts[.updated] ?? 0).formatted(), unchanged: (counts[.unchanged] ?? 0).formatted(),
                created: (counts[.created] ?? 0).formatted(), excepted: (counts[.excepted] ?? 0).formatted(), state: batch.finished ? "Finished" : "Stopped part-way: import the file again to finish",
                highlighted: batch.id == highlighted)
        }
        hasBatches = !batches.isEmpty
        notice = highlighted.flatMap { id in recent.first { $0.id == id } }.map { batch in
            let counts = outcomes[batch.id] ?? [:]
            let outcome = "\((counts[.updated] ?? 0).formatted()) updated, \((counts[.unchanged] ?? 0).formatted()) unchanged, "
                + "\((counts[.created] ?? 0).formatted()) created, \((counts[.excepted] ?? 0).formatted()) for review in Exceptions."
            guard again else { return "\(batch.fileName) imported: " + outcome }
            return "This file had already been imported (\(UKTime.describe(batch.importedAt))), so nothing was changed this time. "
                + "The first import: " + outcome
        }
    }
}
