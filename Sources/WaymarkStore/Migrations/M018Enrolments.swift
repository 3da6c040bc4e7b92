import SQLKit

/// The school history Waymark keeps: each spell a young person spends on a
/// school's roll, enrolled at a college or started with a training provider.
/// A school's, college's or provider's reach (``RecordScope``) is decided from
/// these rows, not from `young_person.school_id`, which stays only as the
/// school shown on the record.
///
/// `basis` says where the spell is known from: `roll` (a school's file or
/// CTF, or the school a record was created with) or `activity` (an activity
/// at the organisation; the next activity ends it). Filled in for existing
/// records by ``EnrolmentBackfill``.
struct M018Enrolments: Migration {
    let version = 18
    let name = "school history (enrolments)"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "enrolment")
            .idColumn().personColumn()
            .column("organisation_id", type: Column.id, .notNull, .references("organisation", "id"))
            .column("kind", type: .text, .notNull)
            .column("year_group", type: .int)
            .column("from_date", type: Column.date, .notNull)
            .column("to_date", type: Column.date)
            .column("basis", type: .text, .notNull)
            .provenanceColumns()
            .run()
        // The scope's EXISTS probes by person and organisation; listing an
        // organisation's people starts from the organisation.
        try await db.create(index: "enrolment_person_organisation").on("enrolment").column("person_id").column("organisation_id").run()
        try await db.create(index: "enrolment_organisation_person").on("enrolment").column("organisation_id").column("person_id").run()
        try await EnrolmentBackfill(db: db).run()
    }
}
