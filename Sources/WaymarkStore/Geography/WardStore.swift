import Foundation
import SQLKit
public import WaymarkCore

/// The wards the LA loaded and the postcode lookup, as stored.
public struct WardStore: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Every ward with its boundary, by name.
    public func wards() async throws -> [WardShape] {
        let rows = try await store.sql.select().columns("code", "name", "boundary").from("ward").orderBy("name").orderBy("code").all()
        return try rows.map { row in
            let code = try row.decode(column: "code", as: String.self)
            return WardShape(
                code: code, name: try row.decode(column: "name", as: String.self),
                polygons: try BoundaryText.polygons(try row.decode(column: "boundary", as: String.self), code: code))
        }
    }

    /// How many wards and postcodes are loaded, and when the latest were.
    public func counts() async throws -> (wards: Int, postcodes: Int) {
        let wards = try await store.sql.raw("SELECT COUNT(*) AS n FROM ward").first()?.decode(column: "n", as: Int.self) ?? 0
        let postcodes = try await store.sql.raw("SELECT COUNT(*) AS n FROM ward_postcode").first()?.decode(column: "n", as: Int.self) ?? 0
        return (wards, postcodes)
    }

    /// The ward a postcode lies in, by the lookup; nil when it is not in it.
    public func ward(ofPostcode postcode: String) async throws -> (code: String, name: String)? {
        let row = try await store.sql.raw("""
            SELECT w.code, w.name FROM ward_postcode p JOIN ward w ON w.code = p.ward_code WHERE p.postcode_key = \(bind: PostcodeParts.key(postcode))
            """).first()
        guard let row else { return nil }
        return (try row.decode(column: "code", as: String.self), try row.decode(column: "name", as: String.self))
    }

    /// Every postcode of a ward, for a test or an export.
    public func postcodes(inWard code: String) async throws -> [String] {
        try await store.sql.select().column("postcode").from("ward_postcode").where("ward_code", .equal, code).orderBy("postcode_key").all()
            .map { try $0.decode(column: "postcode", as: String.self) }
    }
}

/// What an import changed: a file loaded again changes nothing.
public struct GeographyChange: Sendable, Equatable {
    public var added = 0
    public var changed = 0
    public var removed = 0
    public var unchanged = 0

    public init(added: Int = 0, changed: Int = 0, removed: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.changed = changed
        self.removed = removed
        self.unchanged = unchanged
    }

    var detail: String { "added=\(added) changed=\(changed) removed=\(removed) unchanged=\(unchanged)" }
}

/// A boundary as stored: [[[[longitude, latitude]]]] in JSON, to six decimal places (about 10 cm).
enum BoundaryText {
    static func text(_ polygons: [[[GeoPoint]]]) -> String {
        "[" + polygons.map { rings in
            "[" + rings.map { ring in
                "[" + ring.map { "[\(number($0.longitude)),\(number($0.latitude))]" }.joined(separator: ",") + "]"
            }.joined(separator: ",") + "]"
        }.joined(separator: ",") + "]"
    }

    static func number(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    static func polygons(_ text: String, code: String) throws -> [[[GeoPoint]]] {
        guard let numbers = try? JSONDecoder().decode([[[[Double]]]].self, from: Data(text.utf8)),
            numbers.allSatisfy({ $0.allSatisfy { $0.allSatisfy { $0.count == 2 } } })
        else {
            throw StoreError.invalidStoredValue(table: "ward", column: "boundary", value: "not a boundary (ward \(code))")
        }
        return numbers.map { $0.map { $0.map { GeoPoint(longitude: $0[0], latitude: $0[1]) } } }
    }
}
