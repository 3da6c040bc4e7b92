public import Foundation
public import WaymarkCore

/// Reads ward boundaries from GeoJSON as the Office for National Statistics
/// publishes them (the Open Geography Portal's "Wards (December 2024)
/// Boundaries" and the like): a FeatureCollection of Polygon or MultiPolygon
/// features in longitude and latitude, each with its code and name among its
/// properties (WD24CD and WD24NM; the two digits are the boundaries' year).
/// Foundation's JSONDecoder parses; this file checks what the decoder cannot.
public enum WardBoundaryReader {
    /// Which properties hold a ward's code and name, and which features to keep.
    public struct Options: Sendable {
        /// Nil: the one property named like WD24CD.
        public var codeProperty: String?
        /// Nil: the one property named like WD24NM.
        public var nameProperty: String?
        /// Keep only the wards of this local authority district (its code, e.g.
        /// E08000035, in a property named like LAD24CD), so the national file
        /// can be loaded as it is.
        public var district: String?

        public init(codeProperty: String? = nil, nameProperty: String? = nil, district: String? = nil) {
            self.codeProperty = codeProperty
            self.nameProperty = nameProperty
            self.district = district
        }
    }

    public static func read(_ data: Data, options: Options = Options(), limits: GeographyLimits = .standard) throws(GeographyFileError) -> [WardShape] {
        guard data.count <= limits.maxBytes else {
            throw GeographyFileError(location: "the file", field: "size", rule: "file-size",
                                     "the file is \(data.count.formatted()) bytes; at most \(limits.maxBytes.formatted()) are read (download only your authority's wards)")
        }
        let collection: GeoJSONCollection
        do {
            collection = try JSONDecoder().decode(GeoJSONCollection.self, from: data)
        } catch let problem as GeographyFileError {
            throw problem
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw GeographyFileError(location: "the file", field: "JSON", rule: "json", "the file is not JSON")
        }
        guard collection.type == "FeatureCollection" else {
            throw GeographyFileError(location: "the file", field: "type", rule: "feature-collection",
                                     "the file is a GeoJSON \(collection.type), not a FeatureCollection of wards")
        }
        guard collection.features.count <= limits.maxFeatures else {
            throw GeographyFileError(location: "the file", field: "features", rule: "feature-count",
                                     "the file holds \(collection.features.count.formatted()) features; at most \(limits.maxFeatures.formatted()) are read")
        }
        var wards: [WardShape] = []
        var problems: [GeographyProblem] = []
        var total = 0
        var seen: [String: Int] = [:]
        var points = 0
        for (index, feature) in collection.features.enumerated() {
            let location = "feature \(index + 1)"
            do throws(GeographyFileError) {
                guard let ward = try ward(feature, location: location, options: options, limits: limits) else { continue }
                if let first = seen[ward.code] {
                    throw GeographyFileError(location: location, field: "code", rule: "ward-code-once",
                                             "ward \(ward.code) is also feature \(first); each ward is one feature (join its parts as a MultiPolygon)")
                }
                points += ward.pointCount
                guard points <= limits.maxPoints else {
                    throw GeographyFileError(location: location, field: "geometry", rule: "point-count",
                                             "the wards hold more than \(limits.maxPoints.formatted()) points; use the generalised (BGC) boundaries")
                }
                seen[ward.code] = index + 1
                wards.append(ward)
            } catch {
                total += error.total
                problems += error.problems.prefix(GeographyFileError.kept - problems.count)
                if points > limits.maxPoints { break }
            }
        }
        guard problems.isEmpty else { throw GeographyFileError(problems, total: total) }
        guard !wards.isEmpty else {
            let which = options.district.map { " of district \($0)" } ?? ""
            throw GeographyFileError(location: "the file", field: "features", rule: "some-wards", "the file holds no wards\(which)")
        }
        return wards
    }

    /// A feature as a ward, or nil when it is another district's.
    static func ward(_ feature: GeoJSONFeature, location: String, options: Options, limits: GeographyLimits) throws(GeographyFileError) -> WardShape? {
        let properties = feature.properties ?? [:]
        if let district = options.district {
            let key = try property(properties, named: nil, pattern: "LAD", suffix: "CD", location: location, option: "--district-property")
            if properties[key]??.trimmed != district { return nil }
        }
        let codeKey = try property(properties, named: options.codeProperty, pattern: "WD", suffix: "CD", location: location, option: "--code-property")
        let nameKey = try property(properties, named: options.nameProperty, pattern: "WD", suffix: "NM", location: location, option: "--name-property")
        guard let code = properties[codeKey]??.trimmed, !code.isEmpty else {
            throw GeographyFileError(location: location, field: codeKey, rule: "ward-code", "the ward's code is empty")
        }
        guard GSSCode.isWellFormed(code) else {
            throw GeographyFileError(location: location, field: codeKey, rule: "ward-code",
                                     "'\(code.prefix(40))' is not an ONS code (a letter and eight digits, e.g. E05011234)")
        }
        guard let name = properties[nameKey]??.trimmed, !name.isEmpty else {
            throw GeographyFileError(location: location, field: nameKey, rule: "ward-name", "ward \(code) has no name")
        }
        guard name.count <= 120 else {
            throw GeographyFileError(location: location, field: nameKey, rule: "ward-name", "ward \(code)'s name is longer than 120 characters")
        }
        guard let geometry = feature.geometry else {
            throw GeographyFileError(location: location, field: "geometry", rule: "geometry", "ward \(code) has no geometry")
        }
        let polygons: [[[GeoPoint]]]
        switch geometry {
        case .polygon(let rings): polygons = [rings]
        case .multiPolygon(let parts): polygons = parts
        case .other(let type):
            throw GeographyFileError(location: location, field: "geometry.type", rule: "polygon",
                                     "ward \(code) is a \(type.prefix(40)); a ward's boundary is a Polygon or MultiPolygon")
        }
        let shape = WardShape(code: code, name: name, polygons: polygons)
        guard shape.pointCount <= limits.maxPointsPerWard else {
            throw GeographyFileError(location: location, field: "geometry.coordinates", rule: "point-count",
                                     "ward \(code) has \(shape.pointCount.formatted()) points; at most \(limits.maxPointsPerWard.formatted()) (use the generalised boundaries)")
        }
        try checkRings(polygons, code: code, location: location)
        return shape
    }

    /// RFC 7946: each ring has four or more points and ends where it began; and
    /// the points are degrees, which British National Grid metres are not.
    static func checkRings(_ polygons: [[[GeoPoint]]], code: String, location: String) throws(GeographyFileError) {
        guard !polygons.isEmpty else {
            throw GeographyFileError(location: location, field: "geometry.coordinates", rule: "polygon", "ward \(code) has no polygons")
        }
        for (p, rings) in polygons.enumerated() {
            guard !rings.isEmpty else {
                throw GeographyFileError(location: location, field: "geometry.coordinates[\(p)]", rule: "polygon", "ward \(code) has a polygon with no rings")
            }
            for (r, ring) in rings.enumerated() {
                let field = polygons.count > 1 ? "geometry.coordinates[\(p)][\(r)]" : "geometry.coordinates[\(r)]"
                guard ring.count >= 4 else {
                    throw GeographyFileError(location: location, field: field, rule: "ring-points", "a ring of ward \(code) has \(ring.count) points; a ring needs at least 4")
                }
                guard ring.first == ring.last else {
                    throw GeographyFileError(location: location, field: field, rule: "ring-closed", "a ring of ward \(code) does not end at the point it starts from")
                }
                for point in ring where !((-180...180).contains(point.longitude) && (-90...90).contains(point.latitude)) {
                    throw GeographyFileError(location: location, field: field, rule: "longitude-latitude",
                                             "ward \(code) has a point (\(point.longitude), \(point.latitude)) that is not longitude and latitude; "
                                                + "download the boundaries in WGS 84 (EPSG:4326), not British National Grid")
                }
            }
        }
    }

    /// The property named by the option, or the one whose name fits the ONS pattern (e.g. WD24CD).
    static func property(_ properties: [String: String?], named: String?, pattern prefix: String, suffix: String, location: String, option: String) throws(GeographyFileError) -> String {
        if let named {
            guard properties.keys.contains(named) else {
                throw GeographyFileError(location: location, field: named, rule: "property", "the feature has no property \(named)")
            }
            return named
        }
        let matching = properties.keys.filter { key in
            let characters = Array(key.uppercased())
            return characters.count == prefix.count + 4 && key.uppercased().hasPrefix(prefix) && key.uppercased().hasSuffix(suffix)
                && characters[prefix.count].isASCIIDigit && characters[prefix.count + 1].isASCIIDigit
        }.sorted()
        guard matching.count == 1, let key = matching.first else {
            let shape = "\(prefix)<year>\(suffix) (e.g. \(prefix)24\(suffix))"
            throw GeographyFileError(location: location, field: "properties", rule: "property",
                                     matching.isEmpty ? "no property is named like \(shape); name it with \(option)"
                                        : "properties \(matching.joined(separator: " and ")) are both named like \(shape); choose one with \(option)")
        }
        return key
    }

    /// "Index 3" in a decoder's path is feature 4 to a person; the rest names the field.
    static func describe(_ error: DecodingError) -> GeographyFileError {
        let (path, detail): ([any CodingKey], String) = switch error {
        case .typeMismatch(let type, let context): (context.codingPath, "expected \(typeName(type))")
        case .valueNotFound(let type, let context): (context.codingPath, "expected \(typeName(type)), found null")
        case .keyNotFound(let key, let context): (context.codingPath + [key], "is missing")
        case .dataCorrupted(let context): (context.codingPath, context.codingPath.isEmpty ? "the file is not valid JSON" : context.debugDescription)
        @unknown default: ([], "could not be read")
        }
        var location = "the file"
        var fields = path
        if fields.first?.stringValue == "features", fields.count > 1, let index = fields[1].intValue {
            location = "feature \(index + 1)"
            fields.removeFirst(2)
        }
        let field = fields.reduce("") { text, key in key.intValue.map { text + "[\($0)]" } ?? (text.isEmpty ? key.stringValue : text + "." + key.stringValue) }
        return GeographyFileError(location: location, field: field.isEmpty ? "JSON" : field, rule: "geojson", detail)
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type: "a number"
        case is String.Type: "text"
        default: type is any Collection.Type ? "a list" : "an object"
        }
    }
}

/// The ONS's nine-character geography codes: a letter (E, W, S, N for the
/// nations) then eight digits. Pseudo codes ending 99999999 mean "none".
enum GSSCode {
    static func isWellFormed(_ code: String) -> Bool {
        let characters = Array(code)
        return characters.count == 9 && characters[0].isASCII && characters[0].isUppercase && characters.dropFirst().allSatisfy(\.isASCIIDigit)
    }

    static func isPseudo(_ code: String) -> Bool { code.hasSuffix("99999999") }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
