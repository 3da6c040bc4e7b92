import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// One pupil as the portal shows them, with the forms to tell the LA about them.
struct PortalPupilPage: PageModel {
    static let template = "portal-pupil"

    struct Option: Sendable {
        let value: String
        let label: String
    }

    static let notices = [
        "destination": "Intended destination recorded. The local authority sees it on the record, with your school as its source.",
        "offer": "September Guarantee recorded. The local authority sees it on the record, with your school as its source.",
        "concern": "Concern sent. The young person's adviser (or the tracking team) has it to act on within five days.",
    ]

    let title: String
    let frame: StaffFrame
    let personID: Int64
    let school: String
    let line: PortalLineView
    let notice: String?
    let mayPost: Bool
    /// A school's Year 11 pupil: the intended destination form.
    let takesIntendedDestination: Bool
    let destinations: [Option]
    let hasGuarantee: Bool
    let guaranteeHeading: String
    let statuses: [Option]
    let concerns: [Option]
    let mayMarkLeftEarly: Bool

    init(frame: StaffFrame, view: PortalPupilView, mayPost: Bool, notice: String?) {
        self.frame = frame
        personID = view.line.personID
        school = view.organisation.name
        title = view.line.name
        line = PortalLineView(view.line)
        self.notice = notice
        self.mayPost = mayPost
        takesIntendedDestination = view.isSchool && view.inYearEleven
        destinations = IntendedDestination.allCases.map { Option(value: String($0.rawValue), label: $0.meaning) }
        hasGuarantee = view.guaranteeYear != nil
        let academicYear = "\(view.academicYear.startYear)/\(String(view.academicYear.startYear + 1).suffix(2))"
        guaranteeHeading = view.guaranteeYear.map { "September Guarantee (Year \($0.rawValue), \(academicYear))" } ?? ""
        statuses = view.guaranteeYear.map { year in
            GuaranteeStatus.allCases.filter { $0.isAllowed(for: year) }.map { Option(value: String($0.rawValue), label: $0.meaning) }
        } ?? []
        concerns = PortalConcern.allCases.map { Option(value: $0.rawValue, label: $0.label) }
        mayMarkLeftEarly = mayPost && view.mayMarkLeftEarly
    }
}
