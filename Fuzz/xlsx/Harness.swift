import Foundation
import WaymarkFormats

/// Whole .xlsx files: the ZIP container (ZIPFoundation), then the workbook,
/// relationships, shared strings and sheet parts, then the template. Parts
/// are bounded at 8 MB unzipped here (256 MB in production) so that a run
/// tests parsing, not how long it takes to inflate a legitimate quarter-gigabyte.
let limits = ImportLimits(maxUnzippedBytes: 8 * 1024 * 1024)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Data(bytes: data, count: count)
    for kind in [ImportKind.collegeLeavers, .year11List] {
        _ = try? ImportReader.read(bytes, format: .xlsx, kind: kind, limits: limits)
    }
    return 0
}
