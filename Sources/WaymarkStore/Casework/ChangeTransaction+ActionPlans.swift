import Foundation
import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// Why the store would not move a plan's step.
public enum PlanStoreError: Error, Equatable, CustomStringConvertible {
    case stepCannotMove(id: Int64, from: StepStatus, to: StepStatus)

    public var description: String {
        switch self {
        case .stepCannotMove(let id, let from, let to): "step \(id) cannot move from \(from.rawValue) to \(to.rawValue)"
        }
    }
}

extension ChangeTransaction {
    /// Agrees the plan's schedule, or changes its interval: the next review is `interval` weeks after the last (or the day agreed).
    public func schedulePlan(of personID: Int64, intervalWeeks: Int, on day: CalendarDate) async throws {
        let current = try await db.select().columns("id", "last_reviewed_on").from("action_plan").where("person_id", .equal, personID)
            .orderBy("id").first()
        if let current {
            let id = try current.decode(column: "id", as: Int64.self)
            let from = try current.decode(column: "last_reviewed_on", as: String?.self).map { try CalendarDate(iso: $0) } ?? day
            try await db.update("action_plan").set("review_interval_weeks", to: intervalWeeks)
                .set("next_review_on", to: from.adding(days: intervalWeeks * 7).iso).set("recorded_at", to: recordedAt)
                .set("recorded_by", to: SQLBind(actor.userID)).set("source", to: actor.source)
                .where("id", .equal, id).run()
            try await audit(.update, entity: "action_plan", entityID: id, personID: personID, detail: "interval=\(intervalWeeks)w")
        } else {
            let id = try await insertReturningID(
                into: "action_plan",
                [("person_id", personID), ("agreed_on", day.iso), ("review_interval_weeks", intervalWeeks),
                 ("next_review_on", day.adding(days: intervalWeeks * 7).iso)])
            try await audit(.create, entity: "action_plan", entityID: id, personID: personID, detail: "interval=\(intervalWeeks)w")
        }
    }

    /// Records that the plan was reviewed on `day`; the next review moves on by the interval.
    public func reviewPlan(of personID: Int64, on day: CalendarDate) async throws {
        guard let row = try await db.select().columns("id", "review_interval_weeks").from("action_plan").where("person_id", .equal, personID)
            .orderBy("id").first()
        else { throw StoreError.notFound(entity: "action plan of person", id: personID) }
        let id = try row.decode(column: "id", as: Int64.self)
        let weeks = try row.decode(column: "review_interval_weeks", as: Int.self)
        try await db.update("action_plan").set("last_reviewed_on", to: day.iso).set("next_review_on", to: day.adding(days: weeks * 7).iso)
            .set("recorded_at", to: recordedAt).set("recorded_by", to: SQLBind(actor.userID)).set("source", to: actor.source)
            .where("id", .equal, id).run()
        try await audit(.update, entity: "action_plan", entityID: id, personID: personID, detail: "reviewed")
    }

    @discardableResult
    public func addGoal(_ goal: NewGoal, for personID: Int64) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "plan_goal",
            [("person_id", personID), ("title", goal.title), ("need_text", goal.need.text), ("need_assessment_id", goal.need.assessmentID),
             ("need_area_key", goal.need.areaKey), ("adviser_note", goal.adviserNote)])
        try await audit(.create, entity: "plan_goal", entityID: id, personID: personID,
                        detail: goal.need.areaKey.map { "need=area:\($0); assessment=\(goal.need.assessmentID.map(String.init) ?? "")" } ?? "need=typed")
        return id
    }

    @discardableResult
    public func addStep(_ step: NewStep, toGoal goalID: Int64, for personID: Int64) async throws -> Int64 {
        guard try await db.select().column("id").from("plan_goal").where("id", .equal, goalID).where("person_id", .equal, personID).first() != nil else {
            throw StoreError.notFound(entity: "goal", id: goalID)
        }
        let id = try await insertReturningID(
            into: "plan_step",
            [("person_id", personID), ("goal_id", goalID), ("description", step.description), ("owner_kind", step.owner.kind),
             ("owner_partner", step.owner.partnerName), ("due_on", step.dueOn?.iso), ("status", StepStatus.notStarted.rawValue),
             ("adviser_note", step.adviserNote)])
        try await audit(.create, entity: "plan_step", entityID: id, personID: personID, detail: "goal=\(goalID); owner=\(step.owner.kind)")
        return id
    }

    /// Moves a step on; a move the status does not allow (a closed step reopened) is refused.
    public func moveStep(_ stepID: Int64, to status: StepStatus, for personID: Int64) async throws {
        let current = try await stepStatus(stepID, personID)
        guard current.canMove(to: status) else { throw PlanStoreError.stepCannotMove(id: stepID, from: current, to: status) }
        try await db.update("plan_step").set("status", to: status.rawValue).set("recorded_at", to: recordedAt)
            .set("recorded_by", to: SQLBind(actor.userID)).set("source", to: actor.source)
            .where("id", .equal, stepID).where("status", .equal, current.rawValue).run()
        try await audit(.update, entity: "plan_step", entityID: stepID, personID: personID, detail: "status=\(current.rawValue)>\(status.rawValue)")
    }

    /// Makes a follow-up (the diary's own kind) from a step and links the two, in one change.
    public func followUp(fromStep stepID: Int64, _ followUp: NewFollowUp, for personID: Int64) async throws -> Int64 {
        _ = try await stepStatus(stepID, personID)
        let id = try await addFollowUp(followUp, for: personID)
        try await db.update("plan_step").set("follow_up_id", to: id).where("id", .equal, stepID).run()
        try await audit(.update, entity: "plan_step", entityID: stepID, personID: personID, detail: "follow-up=\(id)")
        return id
    }

    private func stepStatus(_ stepID: Int64, _ personID: Int64) async throws -> StepStatus {
        guard let row = try await db.select().column("status").from("plan_step").where("id", .equal, stepID).where("person_id", .equal, personID).first()
        else { throw StoreError.notFound(entity: "step", id: stepID) }
        let text = try row.decode(column: "status", as: String.self)
        guard let status = StepStatus(rawValue: text) else { throw StoreError.invalidStoredValue(table: "plan_step", column: "status", value: text) }
        return status
    }
}
