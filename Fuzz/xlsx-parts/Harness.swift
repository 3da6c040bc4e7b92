import Foundation
@testable import WaymarkFormats

/// The XML parts of an .xlsx without the ZIP around them, so the fuzzer
/// mutates the markup directly: the first byte chooses the part (sheet,
/// shared strings, workbook with relationships), the rest is its text.
/// A sheet read always keeps within the cell budget.
let limits = ImportLimits(maxRows: 5_000, maxCells: 200_000)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: data, count: count)
    let part = Data(bytes.dropFirst())
    switch bytes[0] % 3 {
    case 0:
        let shared = ["Surname", "Forename", "DOB", "Claim date", ""]
        guard let grid = try? XLSXSheet.read(part, part: "xl/worksheets/sheet1.xml", sharedStrings: shared, limits: limits) else { return 0 }
        let held = grid.rows.reduce(0) { $0 + $1.cells.count }
        if held > limits.maxCells { fatalError("the sheet holds \(held) cells, over the budget") }
        if grid.rows.contains(where: { !(1...1_048_576).contains($0.number) }) { fatalError("a row number outside Excel's rows") }
        for kind in [ImportKind.dwpClaimants, .collegeEnrolments] { _ = try? TemplateReader.read(grid, kind: kind, limits: limits) }
    case 1:
        _ = try? XLSXSharedStrings.read(part, limits: limits)
    default:
        // The same bytes serve as workbook and relationships: both are attribute lists.
        _ = try? XLSXWorkbook.read(part, relationships: part)
    }
    return 0
}
