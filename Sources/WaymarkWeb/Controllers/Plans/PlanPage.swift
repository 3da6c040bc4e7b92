import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// A record's action plan: when it is reviewed, its goals with the need
/// each answers, their steps (owner, due date, status, follow-up), and the
/// forms to change it for whoever may change the record.
struct PlanPage: PageModel {
    static let template = "record-plan"

    struct Move: Sendable {
        let value: String
        let label: String
    }

    struct Step: Sendable {
        let id: Int64
        let description: String
        let owner: String
        let due: String
        let overdue: Bool
        let status: String
        let closed: Bool
        let moves: [Move]
        let hasMoves: Bool
        let followUp: String?
        let mayFollowUp: Bool
        let stepNote: String?
    }

    struct Goal: Sendable {
        let id: Int64
        let title: String
        let need: String
        let note: String?
        let steps: [Step]
        let hasSteps: Bool
    }

    struct StepFormView: Sendable {
        let goals: [Choice]
        let goalError: String?
        let description: FieldView
        let owners: [Choice]
        let ownerError: String?
        let partner: FieldView
        let dueOn: DateFieldView
        let note: String
        let open: Bool
    }

    struct Choice: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    let title: String
    let frame: CaseworkFrame
    let schedule: String?
    let nextReview: String?
    let reviewDue: Bool
    let intervals: [Choice]
    let goals: [Goal]
    let hasGoals: Bool
    let needs: [Choice]
    let hasNeeds: Bool
    let goalTitle: FieldView
    let needText: FieldView
    let goalOpen: Bool
    let stepForm: StepFormView
    let mayChange: Bool
    let saved: String?

    init(view: ActionPlanView, frame: CaseworkFrame, today: CalendarDate, saved: String?,
         goalForm: GoalForm = GoalForm(), stepForm: StepForm? = nil, problems: FormProblems = FormProblems()) {
        title = (problems.isEmpty ? "" : "Error: ") + "Action plan – \(view.personName)"
        self.frame = frame
        let plan = view.plan
        schedule = plan.schedule.map { schedule in
            "Agreed \(schedule.agreedOn.longDescription), reviewed every \(schedule.reviewIntervalWeeks) weeks"
                + (schedule.lastReviewedOn.map { "; last reviewed \($0.longDescription)" } ?? "") + "."
        }
        nextReview = plan.schedule?.nextReviewOn.longDescription
        reviewDue = plan.schedule.map { $0.nextReviewOn <= today } ?? false
        let current = plan.schedule?.reviewIntervalWeeks ?? 12
        intervals = ActionPlanDesk.intervals.map { Choice(value: String($0), label: "Every \($0) weeks", selected: $0 == current) }
        goals = plan.goals.map { goal in
            Goal(
                id: goal.id, title: goal.title, need: goal.need.text, note: goal.adviserNote,
                steps: goal.steps.map { step in
                    Step(
                        id: step.id, description: step.description, owner: step.owner.label, due: step.dueOn?.longDescription ?? "No date",
                        overdue: !step.status.isClosed && (step.dueOn.map { $0 < today } ?? false), status: step.status.label, closed: step.status.isClosed,
                        moves: step.status.next.map { Move(value: $0.rawValue, label: $0.label) }, hasMoves: view.mayChange && !step.status.next.isEmpty,
                        followUp: step.followUpID.map { _ in "A follow-up is in the diary." }, mayFollowUp: view.mayChange && step.followUpID == nil && !step.status.isClosed,
                        stepNote: step.adviserNote)
                },
                hasSteps: !goal.steps.isEmpty)
        }
        let owner = stepForm?.owner
        self.stepForm = StepFormView(
            goals: plan.goals.map { Choice(value: String($0.id), label: $0.title, selected: stepForm?.goal == String($0.id)) },
            goalError: problems.message(for: "goal"),
            description: FieldView(stepForm?.description, "step-description", problems),
            owners: [("young-person", "The young person"), ("adviser", "The adviser"), ("partner", "A partner (name them)")].map {
                Choice(value: $0.0, label: $0.1, selected: owner == $0.0)
            },
            ownerError: problems.message(for: "owner"),
            partner: FieldView(stepForm?.partner, "partner", problems),
            dueOn: DateFieldView(stepForm?.dueOn, "due-on", legend: "When is it due? (optional)", example: DateFieldView.aheadExample, problems),
            note: stepForm?.note ?? "", open: stepForm != nil && !problems.isEmpty)
        hasGoals = !goals.isEmpty
        needs = view.needs.map { need in
            Choice(value: "assessment:\(need.assessmentID):\(need.areaKey)",
                   label: "\(need.areaTitle) – \(need.rating) (\(need.instrumentTitle), \(need.assessedOn.longDescription))", selected: goalForm.need == "assessment:\(need.assessmentID):\(need.areaKey)")
        }
        hasNeeds = !needs.isEmpty
        goalTitle = FieldView(goalForm.title, "goal-title", problems)
        needText = FieldView(goalForm.needText, "need-text", problems)
        goalOpen = stepForm == nil && !problems.isEmpty
        mayChange = view.mayChange
        self.saved = saved
    }
}
