import Foundation
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Adding a young person by hand: who they might already be comes first,
/// and the record made says it was entered by hand, by whom.
@Suite struct NewPersonDeskTests {
    static let now = BreakGlassFixture.now

    static func entry(_ given: String, _ family: String = "Okafor", born: String, upn: String? = nil) throws -> NewPersonEntry {
        NewPersonEntry(
            givenName: given, familyName: family, dateOfBirth: try CalendarDate(iso: born), gender: .female, postcode: "NM3 4QT", upn: upn, uln: nil)
    }

    @Test(arguments: TestDatabases.engines)
    func exactNamesakesAndTheSameBirthdayWithACloseNameAreOffered(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let desk = NewPersonDesk(store: store, laCode: try DemoAuthority.laCode)
            let officer = try fixture.grant(.trackingOfficer)

            let namesake = try await desk.possibleMatches(try Self.entry("Amara", born: "2010-01-01"), for: officer, at: Self.now)
            #expect(namesake.map(\.id).contains(fixture.onCaseload), "the same name, another birthday")
            let close = try await desk.possibleMatches(try Self.entry("Amarah", born: "2009-03-14"), for: officer, at: Self.now)
            #expect(close.map(\.id).contains(fixture.onCaseload), "the same birthday, a close spelling")
            #expect(!close.map(\.id).contains(fixture.otherLA), "nobody outside the scope")
            let nobody = try await desk.possibleMatches(try Self.entry("Priya", "Shah", born: "2008-07-02"), for: officer, at: Self.now)
            #expect(nobody.isEmpty)
            let searches = try await fixture.auditDetails(.view, entity: "search")
            #expect(searches.count == 3 && searches[0]?.contains("shown=") == true, "each check is audited like a search")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theNewRecordIsMarkedEnteredByHandAndAnAdvisersIsOnTheirCaseload(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let desk = NewPersonDesk(store: store, laCode: try DemoAuthority.laCode)
            let officer = try fixture.grant(.trackingOfficer)
            let adviser = try fixture.grant(.personalAdviser)

            let byOfficer = try await desk.create(try Self.entry("Priya", "Shah", born: "2008-07-02"), for: officer, at: Self.now)
            let byAdviser = try await desk.create(try Self.entry("Tom", "Hale", born: "2009-01-20", upn: "H990250000123"), for: adviser, at: Self.now)

            for (id, user) in [(byOfficer, officer.user.id), (byAdviser, adviser.user.id)] {
                let row = try #require(try await store.sql.select().columns("source", "recorded_by", "pa_user_id", "upn").from("young_person")
                    .where("id", .equal, id).first())
                #expect(try row.decode(column: "source", as: String.self) == "entered by hand")
                #expect(try row.decode(column: "recorded_by", as: Int64.self) == user)
                let address = try await store.sql.select().columns("postcode", "source").from("address").where("person_id", .equal, id).all()
                #expect(try address.map { try $0.decode(column: "postcode", as: String.self) } == ["NM3 4QT"])
            }
            let advisers = try await store.sql.select().column("pa_user_id").from("young_person").where("id", .in, [byOfficer, byAdviser]).orderBy("id")
                .all(decodingColumn: "pa_user_id", as: Int64?.self)
            #expect(advisers == [nil, adviser.user.id])
            #expect(try await fixture.auditEvents(about: byOfficer, action: .create).map(\.entity).sorted() == ["address", "young_person"])
            // Found by search straight away.
            let found = try await desk.possibleMatches(try Self.entry("Priya", "Shah", born: "2008-07-02"), for: officer, at: Self.now)
            #expect(found.map(\.id) == [byOfficer])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func onlyTheLAsCaseworkRolesAddPeople(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let desk = NewPersonDesk(store: store, laCode: try DemoAuthority.laCode)
            for role in [Role.manager, .careersLeader, .administrator] {
                await #expect(throws: AccessDenied.self, "\(role.rawValue)") {
                    try await desk.create(try Self.entry("Priya", "Shah", born: "2008-07-02"), for: try fixture.grant(role), at: Self.now)
                }
                await #expect(throws: AccessDenied.self, "\(role.rawValue)") {
                    try await desk.possibleMatches(try Self.entry("Priya", "Shah", born: "2008-07-02"), for: try fixture.grant(role), at: Self.now)
                }
            }
            let count = try await store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("young_person").first()?
                .decode(column: "n", as: Int.self)
            #expect(count == 3, "nobody added")
        }
    }
}
