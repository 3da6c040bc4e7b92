import WaymarkCore
import WaymarkRecords

/// "Add a follow-up": what needs doing, and by when.
struct NewFollowUpForm: Decodable, Sendable {
    var dueOn: DateEntry?
    var description: String?
    var once: String?
    enum CodingKeys: String, CodingKey { case dueOn = "due-on", description, once }

    static let descriptionLimit = 500

    /// The follow-up for `assignee`, or the problems.
    func validated(today: CalendarDate, assignee: Int64?) -> (NewFollowUp?, FormProblems) {
        var problems = FormProblems()
        let due = problems.date(dueOn, field: "due-on", label: "the date it is due", required: true)
        if let due, due < today { problems.add("due-on", "A new follow-up cannot be due in the past") }
        if let due, due > today.adding(years: 1) { problems.add("due-on", "A follow-up must be due within the next 12 months") }
        let text = problems.text(description, field: "description", label: "what needs doing", required: true, maxLength: Self.descriptionLimit)
        guard problems.isEmpty, let due, let text else { return (nil, problems) }
        return (NewFollowUp(dueOn: due, description: text, assignedUserID: assignee), problems)
    }
}

/// The page of the "Add a follow-up" form.
struct FollowUpPage: PageModel {
    static let template = "record-follow-up"

    let title: String
    let frame: CaseworkFrame
    let dueOn: DateFieldView
    let description: FieldView

    init(frame: CaseworkFrame, form: NewFollowUpForm, problems: FormProblems) {
        title = "Add a follow-up – \(frame.personName)"
        self.frame = frame
        dueOn = DateFieldView(form.dueOn, "due-on", legend: "When is it due?", example: DateFieldView.aheadExample, problems)
        description = FieldView(form.description, "description", problems)
    }
}
