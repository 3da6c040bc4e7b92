import Foundation
import SQLKit
import Testing
import WaymarkCore
import WaymarkRecords
@testable import WaymarkStore
import WaymarkTestSupport

/// Wards and the postcode lookup as stored, on both engines: an import
/// replaces them whole, loading the same file again changes nothing, a
/// failed import keeps nothing, and a person's ward comes from the postcode
/// of their address through the lookup.
@Suite struct WardStorageTests {
    static func square(_ west: Double) -> [[[GeoPoint]]] {
        [[[(west, 54.0), (west + 0.1, 54.0), (west + 0.1, 54.1), (west, 54.1), (west, 54.0)].map { GeoPoint(longitude: $0.0, latitude: $0.1) }]]
    }

    static let wards = [
        WardShape(code: "E05900001", name: "Castle", polygons: square(-1.5)),
        WardShape(code: "E05900002", name: "Riverside", polygons: square(-1.4123456)),
    ]
    static let postcodes = [
        PostcodeWard(postcode: "NM1 2AB", wardCode: "E05900001"), PostcodeWard(postcode: "NM2 7XY", wardCode: "E05900002"),
        PostcodeWard(postcode: "ZZ9 9ZZ", wardCode: "E05999999"),
    ]

    static func load(_ store: Store, _ wards: [WardShape], _ postcodes: [PostcodeWard]) async throws -> (GeographyChange, GeographyChange, Int) {
        try await store.change(by: .system("geography:wards.geojson"), at: fixedNow) { tx in
            let wardChange = try await tx.replaceWards(wards)
            let (postcodeChange, other) = try await tx.replaceWardPostcodes(postcodes)
            return (wardChange, postcodeChange, other)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aFileLoadedTwiceAddsNothingAndALaterOneReplaces(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let first = try await Self.load(store, Self.wards, Self.postcodes)
            #expect(first.0 == GeographyChange(added: 2) && first.1 == GeographyChange(added: 2) && first.2 == 1, "the postcode of a ward not loaded is left out")
            let again = try await Self.load(store, Self.wards, Self.postcodes)
            #expect(again.0 == GeographyChange(unchanged: 2) && again.1 == GeographyChange(unchanged: 2))

            let wardStore = WardStore(store: store)
            let stored = try await wardStore.wards()
            #expect(stored.map(\.name) == ["Castle", "Riverside"])
            #expect(stored[1].polygons[0][0][0] == GeoPoint(longitude: -1.412346, latitude: 54.0), "kept to six decimal places")
            let loaded = try await wardStore.counts()
            #expect(loaded.wards == 2 && loaded.postcodes == 2)
            #expect(try await wardStore.ward(ofPostcode: "nm12ab")?.name == "Castle")

            let renamed = [WardShape(code: "E05900001", name: "Castle and Abbey", polygons: Self.square(-1.5))]
            let later = try await Self.load(store, renamed, [PostcodeWard(postcode: "NM2 7XY", wardCode: "E05900001")])
            #expect(later.0 == GeographyChange(changed: 1, removed: 1) && later.1 == GeographyChange(added: 1, removed: 1), "the removed ward took its postcodes with it")
            let replaced = try await wardStore.counts()
            #expect(replaced.wards == 1 && replaced.postcodes == 1)
            #expect(try await wardStore.postcodes(inWard: "E05900001") == ["NM2 7XY"])
            let rows = try await store.sql.raw("SELECT source, recorded_at FROM ward").all()
            #expect(try rows.map { try $0.decode(column: "source", as: String.self) } == ["geography:wards.geojson"])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aFailedImportKeepsNothing(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            struct Stop: Error {}
            await #expect(throws: Stop.self) {
                try await store.change(by: .system("geography:bad.csv"), at: fixedNow) { tx in
                    _ = try await tx.replaceWards(Self.wards)
                    _ = try await tx.replaceWardPostcodes(Self.postcodes)
                    throw Stop()
                }
            }
            let kept = try await WardStore(store: store).counts()
            #expect(kept.wards == 0 && kept.postcodes == 0)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aPersonsWardComesFromTheirPostcodeThroughTheLookup(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let ids = try await store.change(by: .system("test"), at: fixedNow) { tx in
                let inLookup = try await tx.createPerson(StoreFixtures.person("Amara"))
                try await tx.addAddress(AddressRecord(lines: ["1 Mill Street"], town: nil, county: nil, postcode: "nm2 7xy", ward: "Old Town", validFrom: d("2025-01-01")), for: inLookup)
                let outside = try await tx.createPerson(StoreFixtures.person("Bea"))
                try await tx.addAddress(AddressRecord(lines: ["2 Mill Street"], town: nil, county: nil, postcode: "NM8 1AA", ward: "Saltcote", validFrom: d("2025-01-01")), for: outside)
                return [inLookup, outside]
            }
            func wards() async throws -> [Int64: String?] {
                var found: [Int64: String?] = [:]
                try await PersonBundleReader(store: store, registry: StoreFixtures.registry).forEachBatch(responsibleLA: home.code) { batch in
                    for person in batch { found[person.id] = person.addresses.last?.ward }
                }
                return found
            }
            #expect(try await wards() == [ids[0]: "Old Town", ids[1]: "Saltcote"], "without a lookup, the ward written on the address")
            _ = try await Self.load(store, Self.wards, Self.postcodes)
            #expect(try await wards() == [ids[0]: "Riverside", ids[1]: "Saltcote"], "the lookup's ward; an address outside it keeps its own")
        }
    }
}
