import SQLKit
import Testing
import WaymarkStore
import WaymarkTestSupport

/// `PersonTables` is the one list subject access reads and retention erases:
/// a table added with a `person_id` and left off it would be missing from
/// every pack and kept past every limit without anyone noticing. Read from
/// the schema itself, so a new migration's table fails here until it is
/// listed or given a reason below.
@Suite struct PersonTablesTests {
    /// Tables keyed by a young person that are not facts about them, each with why.
    static let notFactsAboutThePerson: Set<String> = [
        // The trail: the pack shows it as the record's history; it is kept by law.
        "audit_event",
        // Derived from the name and the activities, and rebuilt from them.
        "person_name_key", "participation_position", "figure_timeline",
        // How records were matched and merged: about the data's handling, reviewed by data managers.
        "person_merge", "match_exception", "import_row",
        // Look-ups of the "known elsewhere?" index: the per-user rate limit's count, ids and a number only.
        "known_elsewhere_lookup",
    ]

    @Test(arguments: TestDatabases.engines)
    func everyTableKeyedByAYoungPersonIsListedOrExplained(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let query: SQLQueryString = switch engine {
            case .sqlite:
                "SELECT m.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'person_id'"
            case .postgres:
                "SELECT table_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'person_id'"
            }
            let tables = Set(try await store.sql.raw(query).all(decodingColumn: "name", as: String.self))
            let listed = Set(PersonTables.all.map(\.name))
            #expect(tables.count > 20, "the schema was read")
            #expect(tables.subtracting(listed).subtracting(Self.notFactsAboutThePerson).isEmpty,
                    "keyed by a young person but neither in PersonTables nor explained: \(tables.subtracting(listed).subtracting(Self.notFactsAboutThePerson).sorted())")
            #expect(listed.subtracting(tables).isEmpty, "listed but not keyed by person_id: \(listed.subtracting(tables).sorted())")
            #expect(listed.isDisjoint(with: Self.notFactsAboutThePerson))
        }
    }
}
