public import WaymarkCore

/// A young person's action plan: goals linked to needs, each with its steps,
/// and the schedule it is reviewed on.
public struct StoredActionPlan: Sendable, Equatable {
    public let personID: Int64
    /// Nil until the plan is agreed.
    public let schedule: PlanSchedule?
    public let goals: [StoredGoal]

    public init(personID: Int64, schedule: PlanSchedule?, goals: [StoredGoal]) {
        self.personID = personID
        self.schedule = schedule
        self.goals = goals
    }

    public var stepCount: Int { goals.reduce(0) { $0 + $1.steps.count } }
}

public struct PlanSchedule: Sendable, Equatable {
    public let agreedOn: CalendarDate
    public let reviewIntervalWeeks: Int
    public let lastReviewedOn: CalendarDate?
    public let nextReviewOn: CalendarDate
    public let recordedBy: Int64?
    public let recordedAt: String

    public init(agreedOn: CalendarDate, reviewIntervalWeeks: Int, lastReviewedOn: CalendarDate?, nextReviewOn: CalendarDate, recordedBy: Int64?, recordedAt: String) {
        self.agreedOn = agreedOn
        self.reviewIntervalWeeks = reviewIntervalWeeks
        self.lastReviewedOn = lastReviewedOn
        self.nextReviewOn = nextReviewOn
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// The need a goal answers: an area an assessment rated as a need, or words typed by the adviser.
public struct GoalNeed: Sendable, Equatable {
    /// The assessment and area it came from, when it came from one.
    public let assessmentID: Int64?
    public let areaKey: String?
    /// The need in words (the area's title when it came from an assessment).
    public let text: String

    public init(assessmentID: Int64?, areaKey: String?, text: String) {
        self.assessmentID = assessmentID
        self.areaKey = areaKey
        self.text = text
    }
}

public struct StoredGoal: Sendable, Equatable {
    public let id: Int64
    public let title: String
    public let need: GoalNeed
    /// For staff only: never shown on the young person's page.
    public let adviserNote: String?
    public let steps: [StoredStep]
    public let source: String
    public let recordedBy: Int64?
    public let recordedAt: String

    public init(id: Int64, title: String, need: GoalNeed, adviserNote: String?, steps: [StoredStep], source: String, recordedBy: Int64?, recordedAt: String) {
        self.id = id
        self.title = title
        self.need = need
        self.adviserNote = adviserNote
        self.steps = steps
        self.source = source
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

public struct StoredStep: Sendable, Equatable {
    public let id: Int64
    public let goalID: Int64
    public let description: String
    public let owner: StepOwner
    public let dueOn: CalendarDate?
    public let status: StepStatus
    /// The follow-up made from this step, if one was.
    public let followUpID: Int64?
    public let adviserNote: String?
    public let recordedBy: Int64?
    public let recordedAt: String

    public init(
        id: Int64, goalID: Int64, description: String, owner: StepOwner, dueOn: CalendarDate?, status: StepStatus, followUpID: Int64?, adviserNote: String?,
        recordedBy: Int64?, recordedAt: String
    ) {
        self.id = id
        self.goalID = goalID
        self.description = description
        self.owner = owner
        self.dueOn = dueOn
        self.status = status
        self.followUpID = followUpID
        self.adviserNote = adviserNote
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// A goal to add to a plan.
public struct NewGoal: Sendable, Equatable {
    public let title: String
    public let need: GoalNeed
    public let adviserNote: String?

    public init(title: String, need: GoalNeed, adviserNote: String?) {
        self.title = title
        self.need = need
        self.adviserNote = adviserNote
    }
}

/// A step to add to a goal.
public struct NewStep: Sendable, Equatable {
    public let description: String
    public let owner: StepOwner
    public let dueOn: CalendarDate?
    public let adviserNote: String?

    public init(description: String, owner: StepOwner, dueOn: CalendarDate?, adviserNote: String?) {
        self.description = description
        self.owner = owner
        self.dueOn = dueOn
        self.adviserNote = adviserNote
    }
}
