import SQLKit

/// England, regional and statistical-neighbour figures the LA loads to show
/// beside its own (`waymark comparators load`). Every load adds rows with
/// their provenance; the newest recorded for an area, measure and month wins.
struct M037Comparators: Migration {
    let version = 37
    let name = "comparator figures"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "comparator_figure")
            .idColumn()
            .column("area", type: .text, .notNull)
            .column("area_name", type: .text, .notNull)
            .column("month_end", type: Column.date, .notNull)
            .column("measure", type: .text, .notNull)
            .column("percentage", type: .real, .notNull)
            .provenanceColumns()
            .run()
        try await db.create(index: "comparator_figure_month").on("comparator_figure").column("month_end").run()
    }
}
