import SQLKit

/// Action plans: the schedule a young person's plan is reviewed on, its
/// goals (each answering a need, from an assessment's area or typed) and
/// their steps (an owner, a due date, a status, and the follow-up made from
/// the step, if any). Rows change as the plan moves on; the audit trail
/// keeps every change with who and when.
struct M032ActionPlans: Migration {
    let version = 32
    let name = "action plans: goals, steps and review schedule"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "action_plan")
            .idColumn().personColumn()
            .column("agreed_on", type: Column.date, .notNull)
            .column("review_interval_weeks", type: .int, .notNull)
            .column("last_reviewed_on", type: Column.date)
            .column("next_review_on", type: Column.date, .notNull)
            .provenanceColumns()
            .run()
        // One plan a person; a merge that brings a second keeps both rows until an adviser agrees one (see ChangeTransaction+Merges).
        try await db.create(index: "action_plan_person").on("action_plan").column("person_id").run()
        try await db.create(table: "plan_goal")
            .idColumn().personColumn()
            .column("title", type: .text, .notNull)
            .column("need_text", type: .text, .notNull)
            .column("need_assessment_id", type: Column.id, .references("assessment", "id", onDelete: .setNull))
            .column("need_area_key", type: .text)
            .column("adviser_note", type: .text)
            .provenanceColumns()
            .run()
        try await db.create(index: "plan_goal_person").on("plan_goal").column("person_id").run()
        try await db.create(table: "plan_step")
            .idColumn().personColumn()
            .column("goal_id", type: Column.id, .notNull, .references("plan_goal", "id", onDelete: .cascade))
            .column("description", type: .text, .notNull)
            .column("owner_kind", type: .text, .notNull)
            .column("owner_partner", type: .text)
            .column("due_on", type: Column.date)
            .column("status", type: .text, .notNull)
            .column("follow_up_id", type: Column.id, .references("follow_up", "id", onDelete: .setNull))
            .column("adviser_note", type: .text)
            .provenanceColumns()
            .run()
        try await db.create(index: "plan_step_person").on("plan_step").column("person_id").run()
    }
}
