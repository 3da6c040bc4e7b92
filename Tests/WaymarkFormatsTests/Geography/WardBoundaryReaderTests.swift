import Foundation
import Testing
import WaymarkCore
@testable import WaymarkFormats

/// Ward boundaries as the ONS publishes them, and files that are wrong in
/// each way the reader names: the feature, the field and the rule.
@Suite struct WardBoundaryReaderTests {
    static let square = "[[[-1.5,53.8],[-1.4,53.8],[-1.4,53.9],[-1.5,53.9],[-1.5,53.8]]]"

    static func feature(code: String = "E05011234", name: String = "Headingley", geometry: String? = nil, extra: String = "") -> String {
        #"{"type":"Feature","properties":{"FID":1,"WD24CD":"\#(code)","WD24NM":"\#(name)","WD24NMW":" ","LAD24CD":"E08000035"\#(extra)},"#
            + #""geometry":\#(geometry ?? #"{"type":"Polygon","coordinates":\#(square)}"#)}"#
    }

    static func collection(_ features: String...) -> Data {
        Data(#"{"type":"FeatureCollection","name":"Wards_December_2024","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[\#(features.joined(separator: ","))]}"#.utf8)
    }

    static func problem(_ data: Data, options: WardBoundaryReader.Options = .init(), limits: GeographyLimits = .standard) -> GeographyProblem? {
        do {
            _ = try WardBoundaryReader.read(data, options: options, limits: limits)
            return nil
        } catch {
            return error.problems.first
        }
    }

    @Test func readsPolygonsAndMultiPolygonsWithTheirCodesAndNames() throws {
        let multi = #"{"type":"MultiPolygon","coordinates":[\#(Self.square),[[[-1.3,53.8,0],[-1.2,53.8,0],[-1.2,53.85,0],[-1.3,53.8,0]]]]}"#
        let wards = try WardBoundaryReader.read(Self.collection(Self.feature(), Self.feature(code: "E05011235", name: "Little London & Woodhouse", geometry: multi)))
        #expect(wards.map(\.code) == ["E05011234", "E05011235"])
        #expect(wards.map(\.name) == ["Headingley", "Little London & Woodhouse"])
        #expect(wards[0].polygons.count == 1 && wards[0].polygons[0][0].count == 5)
        #expect(wards[1].polygons.count == 2, "a MultiPolygon keeps each part")
        #expect(wards[0].polygons[0][0][1] == GeoPoint(longitude: -1.4, latitude: 53.8))
    }

    @Test func propertyNamesMayBeGivenAndTheDistrictChosen() throws {
        let renamed = Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"E05000001","label":"Castle"},"geometry":{"type":"Polygon","coordinates":\#(Self.square)}}]}"#.utf8)
        #expect(try WardBoundaryReader.read(renamed, options: .init(codeProperty: "code", nameProperty: "label")).map(\.name) == ["Castle"])
        let problem = try #require(Self.problem(renamed))
        #expect(problem.location == "feature 1" && problem.field == "properties" && problem.rule == "property")
        #expect(problem.message.contains("--code-property"))

        let other = Self.feature(code: "E05000002", name: "Elsewhere", extra: "").replacingOccurrences(of: "E08000035", with: "E08000036")
        let wards = try WardBoundaryReader.read(Self.collection(Self.feature(), other), options: .init(district: "E08000035"))
        #expect(wards.map(\.name) == ["Headingley"], "another district's wards are left out")
    }

    @Test func badFilesNameTheFeatureFieldAndRule() throws {
        let cases: [(Data, String, String, String)] = [
            (Self.collection(Self.feature(), Self.feature(code: "E0501")), "feature 2", "WD24CD", "ward-code"),
            (Self.collection(Self.feature(name: "")), "feature 1", "WD24NM", "ward-name"),
            (Self.collection(Self.feature(), Self.feature()), "feature 2", "code", "ward-code-once"),
            (Self.collection(Self.feature(geometry: #"{"type":"LineString","coordinates":[[0,0],[1,1]]}"#)), "feature 1", "geometry.type", "polygon"),
            (Self.collection(Self.feature(geometry: #"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"#)), "feature 1", "geometry.coordinates[0]", "ring-closed"),
            (Self.collection(Self.feature(geometry: #"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#)), "feature 1", "geometry.coordinates[0]", "ring-points"),
            (Self.collection(Self.feature(geometry: #"{"type":"Polygon","coordinates":[[[429000,434000],[430000,434000],[430000,435000],[429000,434000]]]}"#)),
             "feature 1", "geometry.coordinates[0]", "longitude-latitude"),
            (Self.collection(Self.feature(geometry: #"{"type":"Polygon","coordinates":[[["a",0],[1,0],[1,1],[0,0]]]}"#)), "feature 1", "geometry.coordinates[0][0][0]", "geojson"),
            (Self.collection(Self.feature(geometry: #"{"type":"Polygon","coordinates":[[[0,0,0,0],[1,0],[1,1],[0,0]]]}"#)), "feature 1", "geometry.coordinates[0][0][3]", "geojson"),
            (Self.collection(Self.feature(extra: #","WD23CD":"E05000001""#)), "feature 1", "properties", "property"),
            (Data(#"{"type":"Feature","properties":{}}"#.utf8), "the file", "type", "feature-collection"),
            (Data("not json".utf8), "the file", "JSON", "geojson"),
            (Data(#"{"type":"FeatureCollection","features":[]}"#.utf8), "the file", "features", "some-wards"),
        ]
        for (data, location, field, rule) in cases {
            let problem = try #require(Self.problem(data), "\(location) \(rule) was not refused")
            #expect(problem.location == location, "\(problem)")
            #expect(problem.field == field, "\(problem)")
            #expect(problem.rule == rule, "\(problem)")
        }
    }

    @Test func everyBadFeatureIsNamedAndNothingIsReturned() throws {
        do {
            _ = try WardBoundaryReader.read(Self.collection(Self.feature(code: "x"), Self.feature(), Self.feature(code: "E05000009", name: "")))
            Issue.record("a file with bad features was read")
        } catch {
            #expect(error.problems.map(\.location) == ["feature 1", "feature 3"])
            #expect(error.description.contains("feature 1, WD24CD: 'x' is not an ONS code"))
        }
    }

    @Test func hugeFilesAndDeepNestingAreRefusedNotRead() throws {
        let small = GeographyLimits(maxBytes: 600, maxFeatures: 1, maxPoints: 8, maxPointsPerWard: 6, maxCells: 100)
        #expect(Self.problem(Self.collection(Self.feature(), Self.feature(code: "E05000002"), Self.feature(code: "E05000003")), limits: small)?.rule == "file-size")
        let mid = GeographyLimits(maxBytes: 10_000, maxFeatures: 1, maxPoints: 8, maxPointsPerWard: 6, maxCells: 100)
        #expect(Self.problem(Self.collection(Self.feature(), Self.feature(code: "E05000002")), limits: mid)?.rule == "feature-count")
        let points = GeographyLimits(maxBytes: 10_000, maxFeatures: 5, maxPoints: 8, maxPointsPerWard: 4, maxCells: 100)
        #expect(Self.problem(Self.collection(Self.feature()), limits: points)?.rule == "point-count")
        let total = GeographyLimits(maxBytes: 10_000, maxFeatures: 5, maxPoints: 8, maxPointsPerWard: 6, maxCells: 100)
        #expect(Self.problem(Self.collection(Self.feature(), Self.feature(code: "E05000002")), limits: total)?.rule == "point-count")
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let nested = Self.collection(Self.feature(geometry: #"{"type":"Polygon","coordinates":\#(deep)}"#))
        #expect(Self.problem(nested)?.rule == "geojson", "deep nesting is an error, not a crash")
    }
}
