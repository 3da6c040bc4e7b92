import Foundation
import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// A young person's action plan: three reads, whatever its size.
public struct PlanQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    public func plan(of personID: Int64) async throws -> StoredActionPlan {
        async let scheduleRow = db.select().column("*").from("action_plan").where("person_id", .equal, personID).orderBy("id").first()
        async let goalRows = db.select().column("*").from("plan_goal").where("person_id", .equal, personID).orderBy("id").all()
        async let stepRows = db.select().column("*").from("plan_step").where("person_id", .equal, personID).orderBy("id").all()
        var steps: [Int64: [StoredStep]] = [:]
        for row in try await stepRows {
            let step = try Self.step(row)
            steps[step.goalID, default: []].append(step)
        }
        let found = steps
        let goals = try await goalRows.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            return StoredGoal(
                id: id, title: try row.decode(column: "title", as: String.self),
                need: GoalNeed(
                    assessmentID: try row.decode(column: "need_assessment_id", as: Int64?.self), areaKey: try row.decode(column: "need_area_key", as: String?.self),
                    text: try row.decode(column: "need_text", as: String.self)),
                adviserNote: try row.decode(column: "adviser_note", as: String?.self), steps: found[id] ?? [],
                source: try row.decode(column: "source", as: String.self), recordedBy: try row.decode(column: "recorded_by", as: Int64?.self),
                recordedAt: try row.decode(column: "recorded_at", as: String.self))
        }
        let schedule = try await scheduleRow.map { row in
            PlanSchedule(
                agreedOn: try StoredRowDecoding.date(row, "agreed_on"), reviewIntervalWeeks: try row.decode(column: "review_interval_weeks", as: Int.self),
                lastReviewedOn: try StoredRowDecoding.optionalDate(row, "last_reviewed_on"), nextReviewOn: try StoredRowDecoding.date(row, "next_review_on"),
                recordedBy: try row.decode(column: "recorded_by", as: Int64?.self), recordedAt: try row.decode(column: "recorded_at", as: String.self))
        }
        return StoredActionPlan(personID: personID, schedule: schedule, goals: goals)
    }

    static func step(_ row: any SQLRow) throws -> StoredStep {
        let statusText = try row.decode(column: "status", as: String.self)
        guard let status = StepStatus(rawValue: statusText) else { throw StoreError.invalidStoredValue(table: "plan_step", column: "status", value: statusText) }
        let kind = try row.decode(column: "owner_kind", as: String.self)
        guard let owner = StepOwner(kind: kind, partnerName: try row.decode(column: "owner_partner", as: String?.self)) else {
            throw StoreError.invalidStoredValue(table: "plan_step", column: "owner_kind", value: kind)
        }
        return StoredStep(
            id: try row.decode(column: "id", as: Int64.self), goalID: try row.decode(column: "goal_id", as: Int64.self),
            description: try row.decode(column: "description", as: String.self), owner: owner, dueOn: try StoredRowDecoding.optionalDate(row, "due_on"),
            status: status, followUpID: try row.decode(column: "follow_up_id", as: Int64?.self), adviserNote: try row.decode(column: "adviser_note", as: String?.self),
            recordedBy: try row.decode(column: "recorded_by", as: Int64?.self), recordedAt: try row.decode(column: "recorded_at", as: String.self))
    }
}
