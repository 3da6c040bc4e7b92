import Foundation
import WaymarkCore
import WaymarkFormats

/// Ward boundaries as a stranger might send them: any bytes are either read
/// as wards or refused with a named problem, never a crash; what is read
/// keeps the limits, and every ring read is closed.
let limits = GeographyLimits(maxBytes: 65_536, maxFeatures: 200, maxPoints: 20_000, maxPointsPerWard: 5_000, maxCells: 10_000)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Data(bytes: data, count: count)
    do {
        let wards = try WardBoundaryReader.read(bytes, limits: limits)
        if wards.isEmpty || wards.count > limits.maxFeatures { fatalError("a file was read with \(wards.count) wards") }
        if wards.reduce(0, { $0 + $1.pointCount }) > limits.maxPoints { fatalError("the point limit was passed") }
        for ward in wards {
            for ring in ward.polygons.flatMap({ $0 }) where ring.count < 4 || ring.first != ring.last {
                fatalError("ward \(ward.code) has an open ring")
            }
        }
        if Set(wards.map(\.code)).count != wards.count { fatalError("a ward was read twice") }
    } catch {
        if error.problems.isEmpty { fatalError("a refusal names no problem") }
    }
    // The same bytes as a postcode lookup: read or refused, never a crash.
    if let reading = try? PostcodeWardReader.read(Array(bytes), limits: limits), reading.entries.count > reading.rowsRead {
        fatalError("more postcodes than rows")
    }
    return 0
}
