import SQLKit

/// Duplicates and merges. A merge moves the merged person's history rows to
/// the person kept and lists every row it moved, so an undo moves exactly
/// those rows back; the merged person's own row stays, marked, so nothing from
/// either source is lost. Suspected duplicates and uncertain import rows wait
/// in `match_exception` for a person to decide.
struct M013Merges: Migration {
    let version = 13
    let name = "merges and the match exception queue"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.alter(table: "young_person").column("merged_into", type: Column.id, .references("young_person", "id")).run()
        try await db.create(table: "person_merge")
            .idColumn()
            .column("kept_person_id", type: Column.id, .notNull, .references("young_person", "id"))
            .column("merged_person_id", type: Column.id, .notNull, .references("young_person", "id"))
            .column("alias_id", type: Column.id)
            .column("undone_at", type: Column.timestamp)
            .column("undone_by", type: Column.id, .references("app_user", "id"))
            .provenanceColumns()
            .run()
        try await db.create(index: "person_merge_kept").on("person_merge").column("kept_person_id").run()
        try await db.create(index: "person_merge_merged").on("person_merge").column("merged_person_id").run()
        try await db.create(table: "person_merge_row")
            .column("merge_id", type: Column.id, .notNull, .references("person_merge", "id"))
            .column("table_name", type: .text, .notNull)
            .column("row_id", type: Column.id, .notNull)
            .run()
        try await db.create(index: "person_merge_row_merge").on("person_merge_row").column("merge_id").run()
        try await db.create(table: "match_exception")
            .idColumn()
            .column("kind", type: .text, .notNull)
            .column("person_id", type: Column.id, .references("young_person", "id"))
            .column("other_person_id", type: Column.id, .references("young_person", "id"))
            .column("incoming", type: .text)
            .column("probability", type: .real, .notNull)
            .column("explanation", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("resolution", type: .text)
            .column("resolved_by", type: Column.id, .references("app_user", "id"))
            .column("resolved_at", type: Column.timestamp)
            .provenanceColumns()
            .run()
        try await db.create(index: "match_exception_status").on("match_exception").column("status").run()
        try await db.create(index: "match_exception_pair").on("match_exception").column("person_id").column("other_person_id").run()
    }
}
