import Testing
import WaymarkCore
@testable import WaymarkSynthetic

/// The demo's map: one shape for each ward, tiling the authority, and a
/// lookup that puts every postcode the generator writes in the ward the
/// generator gave it.
struct SyntheticGeographyTests {
    @Test func everyWardHasOneClosedShapeAndNeighboursShareTheirEdges() {
        let wards = SyntheticGeography.wards
        #expect(wards.map(\.name) == PlaceTables.wards.map(\.name))
        #expect(Set(wards.map(\.code)).count == 16 && wards[0].code == "E05900001" && wards[15].code == "E05900016")
        for ward in wards {
            let ring = ward.polygons[0][0]
            #expect(ward.polygons.count == 1 && ring.count == 17 && ring.first == ring.last)
        }
        // Castle (north-west) and Abbey Fields (east of it) share Castle's east edge, walked the other way.
        let castle = wards[0].polygons[0][0], abbey = wards[1].polygons[0][0]
        #expect(Array(castle[4...8]) == Array(abbey[12...16]).reversed())
        #expect(SyntheticGeography.wards == SyntheticGeography.wards, "fixed, not drawn")
    }

    @Test func theLookupPlacesEveryGeneratedPostcodeInTheWardItWasGeneratedIn() {
        let lookup = Dictionary(uniqueKeysWithValues: SyntheticGeography.postcodes.map { ($0.postcode, $0.wardCode) })
        #expect(lookup.count == SyntheticGeography.postcodes.count, "each postcode once")
        #expect(lookup.count == 11 * 10 * 400, "every inward code of every district's ten sectors")
        let names = Dictionary(uniqueKeysWithValues: SyntheticGeography.wards.map { ($0.code, $0.name) })
        let authority = SyntheticLA(SyntheticLAConfiguration(seed: 11, people: 2_000, referenceDate: d("2026-10-31")))
        var checked = 0
        for person in authority.people(1..<2_001) {
            for address in person.addresses {
                #expect(lookup[address.postcode].flatMap { names[$0] } == address.ward, "\(address.postcode)")
                checked += 1
            }
        }
        #expect(checked > 2_000)
    }
}
