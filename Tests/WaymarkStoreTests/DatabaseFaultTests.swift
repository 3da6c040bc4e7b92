import Foundation
import SQLKit
import Testing
import WaymarkCore
import WaymarkStore
import WaymarkTestSupport

/// When the database itself fails, the change is refused whole and the
/// failure is named, so a page can say what happened instead of "something went wrong".
@Suite struct DatabaseFaultTests {
    @Test func aFullSQLiteDiskRefusesTheWholeChangeAndNamesTheFailure() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            let people = PersonQueries(store: store, registry: StoreFixtures.registry)
            let pages = try await store.database.sql.raw("PRAGMA page_count").first(decodingColumn: "page_count", as: Int.self) ?? 0
            // The file may grow by a few pages and no more: what a full disk looks like to SQLite.
            _ = try await store.database.sql.raw("PRAGMA max_page_count = \(unsafeRaw: String(pages + 4))").all()
            let failure = await #expect(throws: (any Error).self) {
                try await store.change(by: .system("test"), at: fixedNow) { tx in
                    for number in 0..<500 {
                        _ = try await tx.createPerson(StoreFixtures.person("Amara", family: Self.letters(number)))
                    }
                }
            }
            #expect(failure.flatMap(StoreFailure.init) == .diskFull, "\(String(reflecting: failure))")
            #expect(StoreFailure.diskFull.description.contains("nothing was saved"))
            #expect(try await people.count(table: .youngPerson) == 0, "nothing half-written")
            #expect(try await people.count(table: .activity) == 0)
            _ = try await store.database.sql.raw("PRAGMA max_page_count = 1073741823").all()
            _ = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.createPerson(StoreFixtures.person()) }
            #expect(try await people.count(table: .youngPerson) == 1, "the same store writes again once there is room")
        }
    }

    /// A distinct name of letters only for each number (names may not hold digits).
    static func letters(_ number: Int) -> String {
        var text = "Okafor", rest = number
        repeat {
            text.append(Character(UnicodeScalar(UInt8(97 + rest % 26))))
            rest /= 26
        } while rest > 0
        return text
    }

    @Test func ordinaryErrorsAreNotTakenForDatabaseFailures() {
        struct NotTheDatabase: Error {}
        #expect(StoreFailure(NotTheDatabase()) == nil)
        #expect(StoreFailure(StoreFailure.unreachable) == .unreachable)
    }
}
