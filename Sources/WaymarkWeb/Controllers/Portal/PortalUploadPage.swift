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

    init(frame: StaffFrame, outcome: PortalUploadOutcome?, fileProblem: String?) {
        self.frame = frame
        self.fileProblem = fileProblem
        hasProblems = fileProblem != nil
        rowProblems = outcome?.problems ?? []
        hasRowProblems = !rowProblems.isEmpty
        let summary = outcome?.summary
        done = summary != nil
        rowsRead = summary?.rowsRead ?? 0
        updated = summary?.updated ?? 0
        unchanged = summary?.unchanged ?? 0
        created = summary?.created ?? 0
        excepted = summary?.excepted ?? 0
    }
}
