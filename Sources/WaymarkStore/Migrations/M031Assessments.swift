import SQLKit

/// Assessments and reviews with an instrument, and their ratings, one row
/// per area. A completed assessment is a record of what was agreed on a day:
/// the database refuses to change it or its ratings (triggers on both
/// engines), whatever code or hand-typed SQL asks. Only its `person_id`
/// may move, because a merge moves history to the kept record. Deletes stay
/// allowed: retention erases whole records, and the use case only ever
/// deletes a draft's ratings (to replace them).
struct M031Assessments: Migration {
    let version = 31
    let name = "assessments and reviews, unchangeable once completed"

    /// Every column of `assessment` but `person_id`: an UPDATE naming any of them on a completed row is refused.
    static let fixedColumns = [
        "instrument_key", "instrument_version", "kind", "rater", "status", "assessed_on", "summary", "completed_at", "completed_by", "source", "recorded_by",
        "recorded_at",
    ]
    static let fixedRatingColumns = ["assessment_id", "area_key", "rating", "source", "recorded_by", "recorded_at"]

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "assessment")
            .idColumn().personColumn()
            .column("instrument_key", type: .text, .notNull)
            .column("instrument_version", type: .int, .notNull)
            .column("kind", type: .text, .notNull)
            .column("rater", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("assessed_on", type: Column.date, .notNull)
            .column("summary", type: .text)
            .column("completed_at", type: Column.timestamp)
            .column("completed_by", type: Column.id, .references("app_user", "id"))
            .provenanceColumns()
            .run()
        try await db.create(index: "assessment_person").on("assessment").column("person_id").run()
        try await db.create(table: "assessment_rating")
            .idColumn().personColumn()
            .column("assessment_id", type: Column.id, .notNull, .references("assessment", "id", onDelete: .cascade))
            .column("area_key", type: .text, .notNull)
            .column("rating", type: .int, .notNull)
            .provenanceColumns()
            .run()
        try await db.create(index: "assessment_rating_area").on("assessment_rating").column("assessment_id").column("area_key").unique().run()
        try await db.create(index: "assessment_rating_person").on("assessment_rating").column("person_id").run()
        let message = "a completed assessment cannot be changed"
        let fixed = Self.fixedColumns.joined(separator: ", ")
        let fixedRatings = Self.fixedRatingColumns.joined(separator: ", ")
        switch engine {
        case .sqlite:
            try await db.raw("""
                CREATE TRIGGER assessment_completed_fixed BEFORE UPDATE OF \(unsafeRaw: fixed) ON assessment
                WHEN OLD.status = 'completed' BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: message)'); END
                """).run()
            try await db.raw("""
                CREATE TRIGGER assessment_rating_completed_insert BEFORE INSERT ON assessment_rating
                WHEN (SELECT status FROM assessment WHERE id = NEW.assessment_id) = 'completed'
                BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: message)'); END
                """).run()
            try await db.raw("""
                CREATE TRIGGER assessment_rating_completed_update BEFORE UPDATE OF \(unsafeRaw: fixedRatings) ON assessment_rating
                WHEN (SELECT status FROM assessment WHERE id = OLD.assessment_id) = 'completed'
                BEGIN SELECT RAISE(ABORT, '\(unsafeRaw: message)'); END
                """).run()
        case .postgres:
            try await db.raw("""
                CREATE FUNCTION assessment_completed_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF OLD.status = 'completed' THEN RAISE EXCEPTION '\(unsafeRaw: message)'; END IF;
                  RETURN NEW;
                END $$
                """).run()
            try await db.raw("""
                CREATE TRIGGER assessment_completed_fixed BEFORE UPDATE OF \(unsafeRaw: fixed) ON assessment
                FOR EACH ROW EXECUTE FUNCTION assessment_completed_fixed()
                """).run()
            try await db.raw("""
                CREATE FUNCTION assessment_rating_completed_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF (SELECT status FROM assessment WHERE id = NEW.assessment_id) = 'completed' THEN
                    RAISE EXCEPTION '\(unsafeRaw: message)';
                  END IF;
                  IF TG_OP = 'UPDATE' THEN
                    IF (SELECT status FROM assessment WHERE id = OLD.assessment_id) = 'completed' THEN
                      RAISE EXCEPTION '\(unsafeRaw: message)';
                    END IF;
                  END IF;
                  RETURN NEW;
                END $$
                """).run()
            try await db.raw("""
                CREATE TRIGGER assessment_rating_completed_insert BEFORE INSERT ON assessment_rating
                FOR EACH ROW EXECUTE FUNCTION assessment_rating_completed_fixed()
                """).run()
            try await db.raw("""
                CREATE TRIGGER assessment_rating_completed_update BEFORE UPDATE OF \(unsafeRaw: fixedRatings) ON assessment_rating
                FOR EACH ROW EXECUTE FUNCTION assessment_rating_completed_fixed()
                """).run()
        }
    }
}
