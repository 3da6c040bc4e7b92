import SQLKit

/// Facts about a young person that change over time, each with its period and provenance.
struct M003PersonHistory: Migration {
    let version = 3
    let name = "addresses, contact details, characteristics, need, destinations, guarantee"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "address")
            .idColumn().personColumn()
            .column("line1", type: .text).column("line2", type: .text).column("line3", type: .text).column("line4", type: .text)
            .column("town", type: .text).column("county", type: .text)
            .column("postcode", type: .text, .notNull)
            .column("ward", type: .text)
            .column("valid_from", type: Column.date, .notNull)
            .column("valid_to", type: Column.date)
            .provenanceColumns()
            .run()
        try await db.create(table: "contact_detail")
            .idColumn().personColumn()
            .column("kind", type: .text, .notNull)
            .column("value", type: .text, .notNull)
            .column("valid_from", type: Column.date, .notNull)
            .column("valid_to", type: Column.date)
            .provenanceColumns()
            .run()
        try await db.create(table: "characteristic")
            .idColumn().personColumn()
            .column("code", type: .int, .notNull)
            .column("start_date", type: Column.date, .notNull)
            .column("end_date", type: Column.date)
            .provenanceColumns()
            .run()
        try await db.create(table: "need_assessment")
            .idColumn().personColumn()
            .column("level_of_need", type: .int, .notNull)
            .column("send", type: Column.bool, .notNull)
            .column("sen_support", type: Column.bool, .notNull)
            .column("valid_from", type: Column.date, .notNull)
            .provenanceColumns()
            .run()
        try await db.create(table: "intended_destination")
            .idColumn().personColumn()
            .column("code", type: .int, .notNull)
            .column("recorded_on", type: Column.date, .notNull)
            .provenanceColumns()
            .run()
        try await db.create(table: "september_guarantee")
            .idColumn().personColumn()
            .column("year_group", type: .int, .notNull)
            .column("academic_year", type: .int, .notNull)
            .column("status", type: .int, .notNull)
            .column("la_code", type: .text, .notNull)
            .provenanceColumns()
            .run()
        for table in ["address", "contact_detail", "characteristic", "need_assessment", "intended_destination", "september_guarantee"] {
            try await db.create(index: "\(table)_person").on(table).column("person_id").run()
        }
        try await db.create(index: "address_postcode").on("address").column("postcode").run()
    }
}
