import WaymarkCore
import WaymarkRecords

/// "Add a goal": what the young person is aiming for and the need it answers,
/// chosen from the latest assessment (`assessment:<id>:<area>`) or typed.
struct GoalForm: Decodable, Sendable {
    var title: String?
    var need: String?
    var needText: String?
    var note: String?
    var once: String?
    enum CodingKeys: String, CodingKey { case title, need, needText = "need-text", note, once }

    func validated() -> (NewGoal?, FormProblems) {
        var problems = FormProblems()
        let title = problems.text(self.title, field: "goal-title", label: "the goal", required: true, maxLength: 200)
        let note = problems.text(self.note, field: "goal-note", label: "the note", required: false, maxLength: 1_000)
        var need: GoalNeed?
        if let chosen = self.need, chosen.hasPrefix("assessment:") {
            let parts = chosen.split(separator: ":", maxSplits: 2).map(String.init)
            if parts.count == 3, let id = Int64(parts[1]) {
                need = GoalNeed(assessmentID: id, areaKey: parts[2], text: parts[2])
            } else {
                problems.add("need", "Choose a need from the list, or type one")
            }
        } else if let text = problems.text(needText, field: "need-text", label: "the need", required: true, maxLength: 200) {
            need = GoalNeed(assessmentID: nil, areaKey: nil, text: text)
        }
        guard problems.isEmpty, let title, let need else { return (nil, problems) }
        return (NewGoal(title: title, need: need, adviserNote: note), problems)
    }
}

/// "Add a step": what, who does it, by when.
struct StepForm: Decodable, Sendable {
    var goal: String?
    var description: String?
    var owner: String?
    var partner: String?
    var dueOn: DateEntry?
    var note: String?
    var once: String?
    enum CodingKeys: String, CodingKey { case goal, description, owner, partner, dueOn = "due-on", note, once }

    func validated(today: CalendarDate, goals: [Int64]) -> ((goalID: Int64, step: NewStep)?, FormProblems) {
        var problems = FormProblems()
        let goalID = goal.flatMap { Int64($0) }.flatMap { goals.contains($0) ? $0 : nil }
        if goalID == nil { problems.add("goal", "Choose the goal this step is towards") }
        let text = problems.text(description, field: "step-description", label: "the step", required: true, maxLength: 300)
        let partnerName = problems.text(partner, field: "partner", label: "the partner", required: owner == "partner", maxLength: 100)
        let due = problems.date(dueOn, field: "due-on", label: "the date it is due", required: false)
        if let due, due > today.adding(years: 2) { problems.add("due-on", "A step must be due within the next two years") }
        let note = problems.text(self.note, field: "step-note", label: "the note", required: false, maxLength: 1_000)
        let chosen = StepOwner(kind: owner ?? "", partnerName: partnerName)
        if chosen == nil && problems.message(for: "partner") == nil { problems.add("owner", "Choose who does this step") }
        guard problems.isEmpty, let goalID, let text, let chosen else { return (nil, problems) }
        return ((goalID, NewStep(description: text, owner: chosen, dueOn: due, adviserNote: note)), problems)
    }
}
