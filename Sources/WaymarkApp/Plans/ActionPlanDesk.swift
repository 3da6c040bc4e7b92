public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// A need a goal may answer: an area the latest completed adviser assessment rated as a need.
public struct AssessedNeed: Sendable, Equatable {
    public let assessmentID: Int64
    public let areaKey: String
    public let areaTitle: String
    public let rating: String
    public let instrumentTitle: String
    public let assessedOn: CalendarDate
}

/// A young person's plan as one user may see it.
public struct ActionPlanView: Sendable {
    public let personID: Int64
    public let personName: String
    public let plan: StoredActionPlan
    /// Needs from assessments, offered when adding a goal.
    public let needs: [AssessedNeed]
    public let staffNames: [Int64: String]
    public let mayChange: Bool
    /// The record's adviser, to whom a follow-up made from a step goes.
    public let adviserID: Int64?
}

/// Action plans: goals linked to needs, steps with an owner, a due date and
/// a status, reviewed on a schedule. Casework: shown to those who see notes,
/// changed by those who may change the record; every view and change audited.
public struct ActionPlanDesk: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    static let restricted = Refusal.forbidden("Action plans are casework, which is restricted for your role. Ask the young person's adviser.")
    public static let intervals = [4, 6, 8, 12, 26]

    public func plan(of personID: Int64, for grant: AccessGrant, at now: Date) async throws -> ActionPlanView {
        try grant.require(.readRecords)
        guard let placement = try await CaseloadLookup(store: store).placement(of: personID, in: grant.scope) else { throw CaseworkDesk.notFound }
        let opened = try await BreakGlassDesk(store: store).opening(for: grant, person: personID, at: now).classes
        guard grant.visibleClasses.union(opened).contains(.notes) else { throw Self.restricted }
        async let plan = PlanQueries(store: store).plan(of: personID)
        async let assessments = AssessmentQueries(store: store).assessments(of: personID)
        async let instruments = InstrumentCatalogue(store: store).all()
        let found = try await plan
        let needs = Self.needs(in: try await assessments, instruments: try await instruments)
        let staff = Set(found.goals.flatMap { [$0.recordedBy] + $0.steps.map(\.recordedBy) }.compactMap { $0 } + [found.schedule?.recordedBy].compactMap { $0 })
        let name = try await PersonNamesQuery(store: store).names(of: [personID], in: grant.scope)[personID] ?? "Young person \(personID)"
        try await ViewAudit.record(store, grant, at: now, entity: "action_plan", personID: personID,
                                   detail: "action plan; goals=\(found.goals.map { String($0.id) }.joined(separator: ","))")
        return ActionPlanView(
            personID: personID, personName: name, plan: found, needs: needs, staffNames: try await CaseworkQueries(store: store).userNames(staff),
            mayChange: AccessPolicy.mayChange(grant.user, personAdviserID: placement.adviserID), adviserID: placement.adviserID)
    }

    /// The areas rated as a need in the latest completed adviser assessment of each instrument.
    static func needs(in assessments: [StoredAssessment], instruments: [Instrument]) -> [AssessedNeed] {
        var latest: [String: StoredAssessment] = [:]
        for assessment in assessments where assessment.isCompleted && assessment.rater == .adviser { latest[assessment.instrument.key] = assessment }
        return latest.values.sorted { $0.id < $1.id }.flatMap { assessment -> [AssessedNeed] in
            guard let instrument = instruments.first(where: { $0.reference == assessment.instrument }) else { return [] }
            return instrument.areas.compactMap { area in
                guard let value = assessment.ratings[area.key], instrument.isNeed(value) else { return nil }
                return AssessedNeed(
                    assessmentID: assessment.id, areaKey: area.key, areaTitle: area.title, rating: instrument.point(value)?.label ?? String(value),
                    instrumentTitle: instrument.title, assessedOn: assessment.assessedOn)
            }
        }
    }

    public func schedule(intervalWeeks: Int, on record: RecordForChange, at now: Date) async throws {
        try require(record)
        guard Self.intervals.contains(intervalWeeks) else { throw Refusal.invalid("Choose how often the plan is reviewed.") }
        let personID = record.personID
        try await store.change(by: record.grant.actor, at: now) { tx in try await tx.schedulePlan(of: personID, intervalWeeks: intervalWeeks, on: .today(from: now)) }
    }

    public func review(on record: RecordForChange, at now: Date) async throws {
        try require(record)
        let personID = record.personID
        guard try await PlanQueries(store: store).plan(of: personID).schedule != nil else {
            throw Refusal.conflict("Agree the plan and how often it is reviewed first.")
        }
        try await store.change(by: record.grant.actor, at: now) { tx in try await tx.reviewPlan(of: personID, on: .today(from: now)) }
    }

    /// Adds a goal. A need from an assessment must be one the latest completed assessment rated as a need.
    public func addGoal(_ goal: NewGoal, on record: RecordForChange, at now: Date) async throws -> Int64 {
        try require(record)
        let personID = record.personID
        var checked = goal
        if let areaKey = goal.need.areaKey {
            let needs = Self.needs(
                in: try await AssessmentQueries(store: store).assessments(of: personID), instruments: try await InstrumentCatalogue(store: store).all())
            guard let need = needs.first(where: { $0.areaKey == areaKey && $0.assessmentID == goal.need.assessmentID }) else {
                throw Refusal.invalid("Choose a need from the latest assessment, or type one.")
            }
            checked = NewGoal(title: goal.title, need: GoalNeed(assessmentID: need.assessmentID, areaKey: need.areaKey, text: need.areaTitle),
                              adviserNote: goal.adviserNote)
        }
        let final = checked
        return try await store.change(by: record.grant.actor, at: now) { tx in try await tx.addGoal(final, for: personID) }
    }

    public func addStep(_ step: NewStep, toGoal goalID: Int64, on record: RecordForChange, at now: Date) async throws -> Int64 {
        try require(record)
        let personID = record.personID
        do {
            return try await store.change(by: record.grant.actor, at: now) { tx in try await tx.addStep(step, toGoal: goalID, for: personID) }
        } catch StoreError.notFound {
            throw Refusal.notFound("That goal is not on this young person's plan.")
        }
    }

    /// Moves a step on: not started → in progress → done, or dropped. A closed step stays closed.
    public func move(_ stepID: Int64, to status: StepStatus, on record: RecordForChange, at now: Date) async throws {
        try require(record)
        let personID = record.personID
        do {
            try await store.change(by: record.grant.actor, at: now) { tx in try await tx.moveStep(stepID, to: status, for: personID) }
        } catch StoreError.notFound {
            throw Refusal.notFound("That step is not on this young person's plan.")
        } catch PlanStoreError.stepCannotMove(_, let from, let to) {
            throw Refusal.conflict("A step that is \(from.label.lowercased()) cannot become \(to.label.lowercased()). Add a new step instead.")
        }
    }

    /// Makes a follow-up in the adviser's diary from a step, due when the step is (or in a week), and links them.
    public func followUp(fromStep stepID: Int64, on record: RecordForChange, at now: Date) async throws -> Int64 {
        try require(record)
        let personID = record.personID
        let plan = try await PlanQueries(store: store).plan(of: personID)
        guard let step = plan.goals.flatMap(\.steps).first(where: { $0.id == stepID }) else {
            throw Refusal.notFound("That step is not on this young person's plan.")
        }
        guard step.followUpID == nil else { throw Refusal.conflict("A follow-up was already made from this step.") }
        guard !step.status.isClosed else { throw Refusal.conflict("This step is \(step.status.label.lowercased()); it needs no follow-up.") }
        let today = CalendarDate.today(from: now)
        let due = step.dueOn.map { $0 < today ? today : $0 } ?? today.adding(days: 7)
        let followUp = NewFollowUp(
            dueOn: due, description: String("Plan step: \(step.description)".prefix(200)),
            assignedUserID: record.placement.adviserID ?? record.grant.user.id)
        return try await store.change(by: record.grant.actor, at: now) { tx in try await tx.followUp(fromStep: stepID, followUp, for: personID) }
    }

    private func require(_ record: RecordForChange) throws {
        guard record.visible.contains(.notes) else { throw Self.restricted }
    }
}
