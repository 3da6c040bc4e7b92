import Foundation
import WaymarkCore

/// The parts of GeoJSON (RFC 7946) a ward file uses, as Decodable types.
/// Properties keep text and numbers as text; a position is read straight
/// into a ``GeoPoint`` (no array per point), so memory grows with the file
/// and no faster.
struct GeoJSONCollection: Decodable {
    let type: String
    let features: [GeoJSONFeature]

    enum CodingKeys: String, CodingKey { case type, features }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type)
        features = type == "FeatureCollection" ? try container.decode([GeoJSONFeature].self, forKey: .features) : []
    }
}

struct GeoJSONFeature: Decodable {
    let properties: [String: String?]?
    let geometry: GeoJSONGeometry?

    enum CodingKeys: String, CodingKey { case properties, geometry }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        properties = try container.decodeIfPresent([String: PropertyText].self, forKey: .properties)?.mapValues(\.text)
        geometry = try container.decodeIfPresent(GeoJSONGeometry.self, forKey: .geometry)
    }
}

/// A property's value as text: strings as they are, numbers and booleans written out, null and objects as nil.
struct PropertyText: Decodable {
    let text: String?

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            text = nil
        } else if let string = try? value.decode(String.self) {
            text = string
        } else if let number = try? value.decode(Double.self) {
            text = number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        } else if let flag = try? value.decode(Bool.self) {
            text = String(flag)
        } else {
            text = nil
        }
    }
}

enum GeoJSONGeometry: Decodable {
    case polygon([[GeoPoint]])
    case multiPolygon([[[GeoPoint]]])
    case other(String)

    enum CodingKeys: String, CodingKey { case type, coordinates }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "Polygon": self = .polygon(try container.decode([[Position]].self, forKey: .coordinates).map { $0.map(\.point) })
        case "MultiPolygon": self = .multiPolygon(try container.decode([[[Position]]].self, forKey: .coordinates).map { $0.map { $0.map(\.point) } })
        default: self = .other(type)
        }
    }
}

/// [longitude, latitude] or [longitude, latitude, altitude]; the altitude is dropped.
struct Position: Decodable {
    let point: GeoPoint

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let longitude = try container.decode(Double.self)
        let latitude = try container.decode(Double.self)
        if !container.isAtEnd { _ = try container.decode(Double.self) }
        guard container.isAtEnd else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "a position has two or three numbers: longitude, latitude and perhaps altitude")
        }
        guard longitude.isFinite, latitude.isFinite else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "a position's numbers must be finite")
        }
        point = GeoPoint(longitude: longitude, latitude: latitude)
    }
}
