import SQLKit
import Testing
@testable import WaymarkStore
import WaymarkTestSupport

/// On PostgreSQL reads run as statements prepared once per connection. A
/// table changed under a running server (another server's migration during
/// a rolling upgrade) must not break them: PostgreSQL refuses a prepared
/// `SELECT *` whose columns changed, and the store runs it unnamed instead.
/// Values of every plain type, and NULL, must come back as they went in.
@Suite struct ReusedStatementsTests {
    @Test(arguments: TestDatabases.engines)
    func aTableChangedUnderARunningServerStillReads(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            try await store.sql.raw("CREATE TABLE drift (id INTEGER PRIMARY KEY, name TEXT)").run()
            try await store.sql.raw("INSERT INTO drift (id, name) VALUES (1, 'first')").run()
            for _ in 0..<12 {
                let rows = try await store.sql.raw("SELECT * FROM drift WHERE id = \(bind: 1)").all()
                #expect(rows.count == 1 && rows[0].allColumns.sorted() == ["id", "name"])
            }
            try await store.sql.raw("ALTER TABLE drift ADD COLUMN note TEXT").run()
            try await store.sql.raw("UPDATE drift SET note = 'added' WHERE id = 1").run()
            for _ in 0..<12 {
                let row = try #require(try await store.sql.raw("SELECT * FROM drift WHERE id = \(bind: 1)").first())
                #expect(try row.decode(column: "note", as: String?.self) == "added", "the new column is read")
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func plainValuesAndNullsComeBackAsTheyWentIn(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            try await store.sql.raw("CREATE TABLE kinds (id INTEGER PRIMARY KEY, t TEXT, n BIGINT, b BOOLEAN, d DOUBLE PRECISION)").run()
            let values: [(Int, String?, Int64?, Bool?, Double?)] = [(1, "a’b", 9_000_000_000, true, 2.5), (2, nil, nil, nil, nil)]
            for (id, t, n, b, d) in values {
                try await store.sql.raw("INSERT INTO kinds (id, t, n, b, d) VALUES (\(bind: id), \(bind: t), \(bind: n), \(bind: b), \(bind: d))").run()
            }
            for (id, t, n, b, d) in values {
                let row = try #require(try await store.sql.raw("SELECT t, n, b, d, id FROM kinds WHERE id = \(bind: id)").first())
                #expect(try row.decode(column: "t", as: String?.self) == t)
                #expect(try row.decode(column: "n", as: Int64?.self) == n)
                #expect(try row.decode(column: "b", as: Bool?.self) == b)
                #expect(try row.decode(column: "d", as: Double?.self) == d)
                #expect(try row.decode(column: "id", as: Int.self) == id)
                #expect(try row.decodeNil(column: "t") == (t == nil))
            }
        }
    }

    /// Person search's lookups run on a kept plan; nothing else does, so a
    /// connection goes back to the pool planning as PostgreSQL chooses.
    @Test(arguments: TestDatabases.engines)
    func aKeptPlanIsForTheStatementsAskingForItOnly(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            guard engine == .postgres else {
                let rows = try await GenericPlans.run { try await store.sql.raw("SELECT 1 AS one WHERE 1 = \(bind: 1)").all() }
                #expect(rows.count == 1, "SQLite has no plan cache and runs it as usual")
                return
            }
            let mode: @Sendable () async throws -> String = {
                let row = try #require(try await store.sql.raw("SELECT current_setting(\(bind: "plan_cache_mode")) AS mode").first())
                return try row.decode(column: "mode", as: String.self)
            }
            for _ in 0..<6 {
                #expect(try await GenericPlans.run { try await mode() } == "force_generic_plan")
                #expect(try await mode() == "auto", "the connection is given back as it was lent")
            }
            await #expect(throws: (any Error).self) {
                try await GenericPlans.run { try await store.sql.raw("SELECT 1 / (\(bind: 0) - 0) AS fails").run() }
            }
            #expect(try await mode() == "auto", "even after a statement that failed")
        }
    }
}
