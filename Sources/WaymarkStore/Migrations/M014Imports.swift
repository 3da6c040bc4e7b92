import SQLKit

/// Imports that are safe to repeat and to interrupt: a file is known by its
/// SHA-256, and every row it has dealt with is written in the same
/// transaction as the change the row made. Importing the file again skips
/// those rows; a run killed mid-way picks up where the last commit left off.
struct M014Imports: Migration {
    let version = 14
    let name = "import batches and rows"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "import_batch")
            .idColumn()
            .column("file_hash", type: .text, .notNull, .unique)
            .column("file_name", type: .text, .notNull)
            .column("kind", type: .text, .notNull)
            .column("rows_read", type: .int, .notNull)
            .column("finished_at", type: Column.timestamp)
            .provenanceColumns()
            .run()
        try await db.create(table: "import_row")
            .column("batch_id", type: Column.id, .notNull, .references("import_batch", "id"))
            .column("row_number", type: .int, .notNull)
            .column("outcome", type: .text, .notNull)
            .column("person_id", type: Column.id, .references("young_person", "id"))
            .column("exception_id", type: Column.id, .references("match_exception", "id"))
            .run()
        try await db.create(index: "import_row_batch_row").on("import_row").column("batch_id").column("row_number").unique().run()
    }
}
