/// A point as GeoJSON writes it: longitude then latitude, in degrees (WGS 84).
public struct GeoPoint: Sendable, Equatable, Hashable {
    public let longitude: Double
    public let latitude: Double

    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }
}

/// One electoral ward as the LA loaded it: its ONS code, its name, and its
/// boundary as polygons (a ward split by a river or with an island has
/// several), each an outer ring then any holes. Rings are closed: the last
/// point repeats the first.
public struct WardShape: Sendable, Equatable {
    /// The ONS (GSS) code, e.g. E05011234: names change, codes are what the postcode directory refers to.
    public let code: String
    public let name: String
    public let polygons: [[[GeoPoint]]]

    public init(code: String, name: String, polygons: [[[GeoPoint]]]) {
        self.code = code
        self.name = name
        self.polygons = polygons
    }

    /// Every point of every ring: what a size limit counts.
    public var pointCount: Int { polygons.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } } }
}

/// One line of a postcode directory: which ward a postcode lies in.
public struct PostcodeWard: Sendable, Equatable, Hashable {
    /// Upper case with one space before the inward code: "NM3 4QT".
    public let postcode: String
    public let wardCode: String

    public init(postcode: String, wardCode: String) {
        self.postcode = postcode
        self.wardCode = wardCode
    }
}
