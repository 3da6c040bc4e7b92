import Foundation
import Testing
import WaymarkCore
import WaymarkRecords
@testable import WaymarkStore
import WaymarkTestSupport

/// Visit lists by postcode sector, on both engines: the filter keeps the
/// people whose current postcode is in the sector however it was typed (and
/// not those of a longer district that starts the same), the postcode order
/// brings a sector together, and the ward shown comes from the lookup.
@Suite struct PostcodeSectorQueueTests {
    @Test(arguments: TestDatabases.engines)
    func aSectorFiltersAndOrdersTheQueue(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let ids = try await store.change(by: .system("test"), at: fixedNow) { tx in
                var ids: [Int64] = []
                for (given, postcode) in [("Ada", "NM1 2AB"), ("Ben", "nm12xy"), ("Cal", "NM12 1AB"), ("Dee", "NM1 3AA"), ("Eve", "NM10 2AB")] {
                    let id = try await tx.createPerson(StoreFixtures.person(given))
                    try await tx.addAddress(AddressRecord(lines: ["1 Mill Lane"], town: nil, county: nil, postcode: postcode, ward: "Typed", validFrom: d("2025-01-01")), for: id)
                    ids.append(id)
                }
                return ids
            }
            let query = QueueQuery(store: store)
            func listed(_ filter: QueueFilter, _ order: QueueOrder = .record) async throws -> [Int64] {
                try await query.rows(QueueQueryTests.notKnown, in: QueueQueryTests.scope, filter: filter, on: d("2026-11-18"), order: order, limit: nil).map(\.member.id)
            }
            #expect(try await listed(QueueFilter(postcodeSector: "NM1 2")) == [ids[0], ids[1]], "NM12 1AB and NM10 2AB are other sectors")
            #expect(try await listed(QueueFilter(postcodeSector: "NM12 1")) == [ids[2]])
            #expect(try await listed(QueueFilter(), QueueOrder(.postcode)) == [ids[0], ids[1], ids[3], ids[4], ids[2]])

            _ = try await store.change(by: .system("geography:test"), at: fixedNow) { tx in
                _ = try await tx.replaceWards([WardShape(code: "E05900001", name: "Castle", polygons: WardStorageTests.square(-1.5))])
                return try await tx.replaceWardPostcodes([PostcodeWard(postcode: "NM1 2XY", wardCode: "E05900001")])
            }
            let rows = try await query.rows(QueueQueryTests.notKnown, in: QueueQueryTests.scope, filter: QueueFilter(postcodeSector: "nm1 2"), on: d("2026-11-18"), limit: nil)
            #expect(rows.map(\.ward) == ["Typed", "Castle"], "the lookup's ward where the postcode is in it")
            #expect(rows.map(\.postcode) == ["NM12AB", "NM12XY"])
        }
    }
}
