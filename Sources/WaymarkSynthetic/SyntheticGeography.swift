public import WaymarkCore

/// The synthetic authority's wards as the ONS would publish them: a shape
/// for each ward, tiling the authority with no gaps or overlaps, and the
/// postcode directory's lookup for every postcode the generator can write.
/// Fixed, not drawn from the seed: every demo has the same map.
public enum SyntheticGeography {
    /// The authority's box (fictional, in the north of England) and its grid of wards.
    static let west = -1.95, east = -1.35, south = 54.55, north = 54.85
    static let columns = 4, rows = 4

    /// ONS-shaped codes no real ward has (E05 is the ward prefix; 9 is unused).
    static func code(_ index: Int) -> String { "E0590" + String(repeating: "0", count: 4 - String(index + 1).count) + String(index + 1) }

    /// One shape a ward: the wards fill a 4 × 4 grid, first row in the north,
    /// with corners moved and edges bent so that it looks like a map. A shared
    /// edge is the same points for both wards, walked the other way.
    public static let wards: [WardShape] = PlaceTables.wards.enumerated().map { index, ward in
        let column = index % columns, row = index / columns
        // Clockwise on the page from the north-west corner: north edge, east, south, west.
        let corners = [(column, row), (column + 1, row), (column + 1, row + 1), (column, row + 1)]
        var ring: [GeoPoint] = []
        for side in 0..<4 {
            let from = corners[side], to = corners[(side + 1) % 4]
            ring.append(vertex(from))
            ring += edge(from, to)
        }
        ring.append(ring[0])
        return WardShape(code: code(index), name: ward.name, polygons: [[ring]])
    }

    /// Every postcode the generator writes, with its ward: each ward's sectors, every inward code in them.
    public static let postcodes: [PostcodeWard] = PlaceTables.wards.enumerated().flatMap { index, ward in
        PlaceTables.sectors(of: ward).flatMap { sector in
            PlaceTables.inwardLetters.flatMap { first in
                PlaceTables.inwardLetters.map { second in
                    PostcodeWard(postcode: "\(ward.district) \(sector)\(first)\(second)", wardCode: code(index))
                }
            }
        }
    }

    /// A grid corner, moved by up to a quarter of a cell (the authority's outer corners stay put).
    static func vertex(_ corner: (Int, Int)) -> GeoPoint {
        let (i, j) = corner
        var random = SeededGenerator(seed: 0x5741_5244, stream: UInt64(i * 17 + j))
        let outer = (i == 0 || i == columns) && (j == 0 || j == rows)
        let dx = outer || i == 0 || i == columns ? 0 : jitter(&random, 0.25)
        let dy = outer || j == 0 || j == rows ? 0 : jitter(&random, 0.25)
        return point(Double(i) + dx, Double(j) + dy)
    }

    /// Three points between two corners, bent sideways; the same three, reversed, from the other end.
    static func edge(_ from: (Int, Int), _ to: (Int, Int)) -> [GeoPoint] {
        let forward = (from.0, from.1) < (to.0, to.1)
        let (a, b) = forward ? (from, to) : (to, from)
        var random = SeededGenerator(seed: 0x4544_4745, stream: UInt64(a.0 * 1_000 + a.1 * 100 + b.0 * 10 + b.1))
        let start = grid(vertex(a)), end = grid(vertex(b))
        let (along, across) = ((end.x - start.x, end.y - start.y), (-(end.y - start.y), end.x - start.x))
        let points = [0.25, 0.5, 0.75].map { t in
            let bend = jitter(&random, 0.12)
            return point(start.x + along.0 * t + across.0 * bend, start.y + along.1 * t + across.1 * bend)
        }
        return forward ? points : points.reversed()
    }

    static func jitter(_ random: inout SeededGenerator, _ most: Double) -> Double {
        (Double(random.int(0...1_000)) / 1_000 * 2 - 1) * most
    }

    /// Grid units (x east, y south) to longitude and latitude, to six decimal places.
    static func point(_ x: Double, _ y: Double) -> GeoPoint {
        func round6(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }
        return GeoPoint(
            longitude: round6(west + (east - west) * x / Double(columns)), latitude: round6(north - (north - south) * y / Double(rows)))
    }

    static func grid(_ point: GeoPoint) -> (x: Double, y: Double) {
        ((point.longitude - west) / (east - west) * Double(columns), (north - point.latitude) / (north - south) * Double(rows))
    }
}
