import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Those on the school's roll or the college's books today; a college marks an early leaver here in one click.
struct PortalStudentsPage: PageModel {
    static let template = "portal-students"

    let title: String
    let frame: StaffFrame
    let school: String
    let total: String
    let lines: [PortalLineView]
    let hasLines: Bool
    let pages: PageLinks
    /// The whole list as CSV and as a workbook.
    var downloads: DownloadLinks?
    /// Colleges and providers mark early leavers; a school's leavers come from its roll.
    let canMarkLeft: Bool
    let notice: String?

    init(frame: StaffFrame, students: PortalStudents, mayPost: Bool, notice: String?) {
        self.frame = frame
        school = students.organisation.name
        let isSchool = EnrolmentKind(organisation: students.organisation.kind) == .schoolRoll
        title = isSchool ? "Pupils on the roll" : "Students"
        total = students.total.formatted()
        lines = students.lines.map(PortalLineView.init)
        hasLines = !lines.isEmpty
        pages = PageLinks(page: students.page, pageCount: students.pageCount) { Paths.portalStudents(page: $0) }
        canMarkLeft = mayPost && !isSchool
        self.notice = notice
    }
}
