import Foundation
import WaymarkFormats

/// Common Transfer Files: streaming XML, the header's school and each
/// pupil's checks. Every pupil read is a row or has problems.
let limits = ImportLimits(maxRows: 2_000)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let reading = try? CTFReader.read(Data(bytes: data, count: count), limits: limits) else { return 0 }
    if reading.rows.count + Set(reading.problems.map(\.row)).count != reading.rowsRead {
        fatalError("a pupil was neither imported nor reported")
    }
    return 0
}
