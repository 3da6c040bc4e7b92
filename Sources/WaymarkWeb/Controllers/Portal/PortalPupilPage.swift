import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// One pupil as the portal shows them, with the forms to tell the LA about them.
struct PortalPupilPage: PageModel {
    static let template = "portal-pupil"

    struct Option: Sendable {
        let value: String
        let label: String
        var selected = false
    }

    /// A select as the template draws it: a "Choose" first, so nothing is sent by accident, the choice kept and its error beside it.
    struct Select: Sendable {
        let options: [Option]
        let error: String?
        let hasError: Bool

        init(_ options: [Option], field: String, chosen: [String: String], problems: FormProblems) {
            self.options = options.map { Option(value: $0.value, label: $0.label, selected: $0.value == chosen[field]) }
            error = problems.message(for: field)
            hasError = error != nil
        }
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
    let destinations: Select
    let hasGuarantee: Bool
    let guaranteeHeading: String
    let statuses: Select
    let concerns: Select
    let mayMarkLeftEarly: Bool
    /// One token a form, so sending one after Back is not taken as a repeat of another.
    let destinationOnce = SecretToken.make()
    let offerOnce = SecretToken.make()
    let concernOnce = SecretToken.make()

    /// `chosen` is what was sent by field id ("destination", "offer", "concern"), kept when the form comes back with `problems`.
    init(frame: StaffFrame, view: PortalPupilView, mayPost: Bool, notice: String?, chosen: [String: String] = [:], problems: FormProblems = FormProblems()) {
        self.frame = frame
        personID = view.line.personID
        school = view.organisation.name
        title = view.line.name
        line = PortalLineView(view.line)
        self.notice = notice
        self.mayPost = mayPost
        takesIntendedDestination = view.isSchool && view.inYearEleven
        destinations = Select(
            IntendedDestination.allCases.map { Option(value: String($0.rawValue), label: $0.meaning) }, field: "destination", chosen: chosen, problems: problems)
        hasGuarantee = view.guaranteeYear != nil
        let academicYear = "\(view.academicYear.startYear)/\(String(view.academicYear.startYear + 1).suffix(2))"
        guaranteeHeading = view.guaranteeYear.map { "September Guarantee (Year \($0.rawValue), \(academicYear))" } ?? ""
        statuses = Select(view.guaranteeYear.map { year in
            GuaranteeStatus.allCases.filter { $0.isAllowed(for: year) }.map { Option(value: String($0.rawValue), label: $0.meaning) }
        } ?? [], field: "offer", chosen: chosen, problems: problems)
        concerns = Select(PortalConcern.allCases.map { Option(value: $0.rawValue, label: $0.label) }, field: "concern", chosen: chosen, problems: problems)
        mayMarkLeftEarly = mayPost && view.mayMarkLeftEarly
    }
}
