import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// A school's Year 11 list with intended destinations, uploaded as CSV or .xlsx.
struct PortalUploadPage: PageModel {
    static let template = "portal-upload"

    let title = "Upload intended destinations"
    let frame: StaffFrame
    let fileProblem: String?
    let hasProblems: Bool
    let rowProblems: [String]
    let hasRowProblems: Bool
    let done: Bool
    let rowsRead: Int
    let updated: Int
    let unchanged: Int
    let created: Int
    let excepted: Int

    /// What an upload did, as the page after it is addressed: so a repeat of the form is shown the first result.
    struct Done: Sendable {
        let rowsRead: Int
        let updated: Int
        let unchanged: Int
        let created: Int
        let excepted: Int

        init?(query: Hummingbird.Parameters) {
            let counts = ["rows", "updated", "unchanged", "created", "excepted"].map { query.get($0).flatMap { Int($0) } }
            guard let rows = counts[0], rows >= 0 else { return nil }
            rowsRead = rows
            updated = counts[1] ?? 0
            unchanged = counts[2] ?? 0
            created = counts[3] ?? 0
            excepted = counts[4] ?? 0
        }
    }

    init(frame: StaffFrame, outcome: PortalUploadOutcome?, fileProblem: String?, done counts: Done? = nil) {
        self.frame = frame
        self.fileProblem = fileProblem
        hasProblems = fileProblem != nil
        rowProblems = outcome?.problems ?? []
        hasRowProblems = !rowProblems.isEmpty
        done = counts != nil
        rowsRead = counts?.rowsRead ?? 0
        updated = counts?.updated ?? 0
        unchanged = counts?.unchanged ?? 0
        created = counts?.created ?? 0
        excepted = counts?.excepted ?? 0
    }
}
