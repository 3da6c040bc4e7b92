import Foundation
@testable import WaymarkFormats

/// Whole .xlsx files: the ZIP container (ZIPFoundation), then the workbook,
/// relationships, shared strings and sheet parts, then the template. Parts
/// are bounded at 8 MB unzipped here (256 MB in production) so that a run
/// tests parsing, not how long it takes to inflate a legitimate quarter-gigabyte.
/// The workbook is unzipped and read once, as ImportReader.xlsx does, and
/// every template is applied to that grid.
let limits = ImportLimits(maxUnzippedBytes: 8 * 1024 * 1024)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let grid = try? XLSXReader.grid(Data(bytes: data, count: count), limits: limits) else { return 0 }
    for kind in ImportKind.spreadsheetKinds {
        if let reading = try? TemplateReader.read(grid, kind: kind, limits: limits),
            reading.rows.count + Set(reading.problems.map(\.row)).count != reading.rowsRead
        {
            fatalError("every row read is either valid or has problems")
        }
    }
    return 0
}
