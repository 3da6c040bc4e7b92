import SQLKit

/// Referrals between services: one row per referral with where it stands
/// now and when its reminder falls due, every step it took (who, from which
/// state to which, the words they gave), and the classes of information its
/// package shares or withholds, decided when it was sent.
///
/// Notices to the referrer reuse `notification` (a `referral_id` beside the
/// break-the-glass one); e-mails to a worker reuse the outbox, marked with the
/// worker so no contact with the young person is recorded when one goes.
struct M050Referrals: Migration {
    let version = 50
    let name = "referrals between services"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "referral")
            .idColumn().personColumn()
            .column("from_organisation_id", type: Column.id, .notNull, .references("organisation", "id"))
            .column("from_user_id", type: Column.id, .notNull, .references("app_user", "id"))
            .column("to_organisation_id", type: Column.id, .notNull, .references("organisation", "id"))
            // The receiving worker who took it on; null until someone accepts it.
            .column("to_user_id", type: Column.id, .references("app_user", "id"))
            .column("purpose", type: .text, .notNull)
            // What the referrer wrote for the receiver: why, and what is asked of them.
            .column("summary", type: .text, .notNull)
            .column("state", type: .text, .notNull)
            .column("state_since", type: Column.timestamp, .notNull)
            // The day the state's timer runs out (ReferralTimers); null for states without one.
            .column("reminder_due", type: Column.date)
            .column("outcome", type: .text)
            .provenanceColumns()
            .run()
        try await db.create(index: "referral_to_organisation").on("referral").column("to_organisation_id").column("state").run()
        try await db.create(index: "referral_from_organisation").on("referral").column("from_organisation_id").column("state").run()
        try await db.create(index: "referral_person").on("referral").column("person_id").run()
        try await db.create(index: "referral_reminder").on("referral").column("reminder_due").run()

        try await db.create(table: "referral_step")
            .idColumn().personColumn()
            .column("referral_id", type: Column.id, .notNull, .references("referral", "id", onDelete: .cascade))
            .column("action", type: .text, .notNull)
            .column("from_state", type: .text)
            .column("to_state", type: .text, .notNull)
            .column("decline_reason", type: .text)
            .column("outcome", type: .text)
            // The reason or summary the worker wrote; kept here (erased with the person), never in the audit trail.
            .column("words", type: .text)
            .provenanceColumns()
            .run()
        try await db.create(index: "referral_step_referral").on("referral_step").column("referral_id").column("id").run()

        try await db.create(table: "referral_share")
            .idColumn().personColumn()
            .column("referral_id", type: Column.id, .notNull, .references("referral", "id", onDelete: .cascade))
            .column("data_class", type: .text, .notNull)
            .column("shared", type: Column.bool, .notNull)
            // Why a class was withheld, in words for the receiver; null when shared.
            .column("withheld_because", type: .text)
            .provenanceColumns()
            .run()
        try await db.create(index: "referral_share_referral").on("referral_share").column("referral_id").run()

        try await db.alter(table: "notification").column("referral_id", type: Column.id, .references("referral", "id", onDelete: .cascade)).run()
        // The worker an e-mail goes to, when it is not to the young person: the outbox records no contact for it.
        try await db.alter(table: "outbox_message").column("staff_user_id", type: Column.id, .references("app_user", "id")).run()
    }
}
