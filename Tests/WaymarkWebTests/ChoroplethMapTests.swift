import Foundation
import Testing
import WaymarkCore
import WaymarkSynthetic
@testable import WaymarkWeb

/// The ward map is well-formed SVG, an image with a name and description,
/// one path per ward (however many rings it has), shaded by classed bins
/// that the legend names in words, and north up inside the box.
@Suite struct ChoroplethMapTests {
    typealias Elements = BarChartTests.Elements

    static func region(_ name: String, _ west: Double, _ percentage: Double?) -> ChoroplethMap.Region {
        let ring = [(west, 54.0), (west + 0.1, 54.0), (west + 0.1, 54.1), (west, 54.1), (west, 54.0)].map { GeoPoint(longitude: $0.0, latitude: $0.1) }
        return ChoroplethMap.Region(code: "E0590000\(Int(west * -10) % 10)", name: name, polygons: [[ring]], percentage: percentage,
                                    valueText: percentage.map { "\($0)%" } ?? "nobody in the cohort")
    }

    @Test func oneClosedPathPerWardShadedByItsBinWithTheNameAndValueAsItsTitle() throws {
        let island = [GeoPoint(longitude: -1.0, latitude: 54.2), GeoPoint(longitude: -0.95, latitude: 54.2), GeoPoint(longitude: -0.95, latitude: 54.25), GeoPoint(longitude: -1.0, latitude: 54.2)]
        var regions = [Self.region("Castle", -1.5, 2.0), Self.region("Harbour & <Quay>", -1.4, 9.5), Self.region("Moorside", -1.3, nil)]
        regions[1] = ChoroplethMap.Region(code: regions[1].code, name: regions[1].name, polygons: regions[1].polygons + [[island]], percentage: 9.5, valueText: "9.5%")
        let map = ChoroplethMap(title: "NEET by ward", summary: "NEET is highest in Harbour.", regions: regions, id: "m")
        let elements = try Elements.parse(map.svg)
        let svg = try #require(elements.found.first)
        #expect(svg.name == "svg" && svg.attributes["role"] == "img" && svg.attributes["aria-labelledby"] == "m-title m-desc")
        #expect(elements.found[1].name == "title" && elements.found[1].text == "NEET by ward")

        let paths = elements.found.filter { $0.name == "path" }
        #expect(paths.count == 3, "one path per ward, the island inside its ward's path")
        #expect(paths.map { $0.attributes["data-ward"] } == regions.map(\.code))
        #expect(paths[1].attributes["d"]?.filter { $0 == "Z" }.count == 2, "each ring closed")
        let titles = elements.found.filter { $0.name == "title" }.dropFirst().map(\.text)
        #expect(titles == ["Castle: 2.0%", "Harbour & <Quay>: 9.5%", "Moorside: nobody in the cohort"], "each ward's name and value read out, escaped in the file")
        #expect(paths[2].attributes["fill"] == "url(#m-none)", "a ward with nobody in the cohort is hatched, not shaded")

        let bins = map.bins
        #expect(bins.first?.lower == 2.0 && (bins.last?.upper ?? 0) >= 9.5)
        #expect(paths[0].attributes["fill"] == bins.first?.colour && paths[1].attributes["fill"] == bins.last?.colour)
        #expect(bins.first?.colour != bins.last?.colour)
        let legend = elements.found.filter { $0.name == "text" }.map(\.text)
        #expect(legend == bins.map(\.label) + ["Nobody in the cohort"], "every shade named in words")
        #expect(legend.first == "2% to 3.5%")

        // North is up and west is left: Castle is west of Harbour, and the island north of both.
        func points(_ d: String) -> [(Double, Double)] {
            d.split(whereSeparator: { "MLZ".contains($0) }).map { pair in
                let xy = pair.split(separator: ",").compactMap { Double($0) }
                return (xy[0], xy[1])
            }
        }
        let castle = points(paths[0].attributes["d"] ?? ""), harbour = points(paths[1].attributes["d"] ?? "")
        #expect((castle.map(\.0).max() ?? 0) <= (harbour.map(\.0).min() ?? 0) + 0.1)
        #expect((harbour.suffix(3).map(\.1).max() ?? 99) < (castle.map(\.1).min() ?? 0))
        let all = (castle + harbour).flatMap { [$0.0, $0.1] }
        #expect(all.allSatisfy { $0 >= 0 && $0 <= ChoroplethMap.width })
    }

    @Test func binsAreEvenRoundedRangesAndOneRateIsOneBin() {
        let bins = ChoroplethMap.bins([1.2, 4.9, 7.7])
        #expect(bins.first?.lower == 1.0 && bins.last?.upper == 8.5 && bins.count == 5 && bins[1].lower == 2.5)
        #expect(zip(bins, bins.dropFirst()).allSatisfy { $0.upper == $1.lower }, "no gaps between bins")
        #expect(ChoroplethMap.bins([3.0, 3.0]).count == 1)
        #expect(ChoroplethMap.bins([]).isEmpty)
    }

    @Test func theDemoWardsGiveAMapWithARegionForEachWard() throws {
        let counts = Dictionary(uniqueKeysWithValues: SyntheticGeography.wards.enumerated().map { index, ward in
            (ward.name, StateCounts(eet: 100, neet: index, notKnown: index % 3))
        })
        let byWard = counts.map { (name: $0.key.uppercased(), counts: $0.value) } + [(name: "Not recorded", counts: StateCounts(eet: 5, neet: 1))]
        let maps = try #require(FiguresWardMap(wards: SyntheticGeography.wards, byWard: byWard, headline: StateCounts(eet: 1_600, neet: 120, notKnown: 15)))
        #expect(maps.wardCount == 16 && maps.maps.count == 2)
        for map in maps.maps {
            let elements = try Elements.parse(map.svg)
            #expect(elements.found.filter { $0.name == "path" && $0.attributes["class"] == "map-region" }.count == SyntheticGeography.wards.count)
        }
        #expect(maps.rows.count == 17 && maps.rows.last?.name == "Not recorded" && maps.rows.last?.note != nil)
        #expect(maps.rows[0].name == "Castle" && maps.rows[0].cohort == "100" && maps.rows[0].neetRate == "0.0%")
        #expect(maps.maps[0].summary.hasPrefix("NEET is highest in Greystones, 13.0% (15 of 115)"), "\(maps.maps[0].summary)")
        #expect(FiguresWardMap(wards: [], byWard: byWard, headline: StateCounts()) == nil, "no map until wards are loaded")
    }
}
