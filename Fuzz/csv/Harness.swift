@testable import WaymarkFormats

/// CSV as a stranger might upload it: the RFC 4180 reader, the header table
/// the matching command reads, and every import template. Any bytes either
/// read or are refused with an error; a record count never depends on
/// whether blank lines are kept, apart from the blank lines themselves.
/// The file is read once as the import page reads it (ImportReader's grid)
/// and every template is applied to that grid, rather than reading the same
/// bytes again per template.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: count))
    let records = try? CSVReader.records(bytes)
    let withBlanks = try? CSVReader.records(bytes, keepingBlankLines: true)
    if (records == nil) != (withBlanks == nil) { fatalError("keeping blank lines changed whether the file reads") }
    if let records, let withBlanks, withBlanks.filter({ !$0.isEmpty }) != records {
        fatalError("keeping blank lines changed the records")
    }
    _ = try? CSVTable(bytes)
    guard let grid = try? ImportReader.csvGrid(bytes, limits: .standard) else { return 0 }
    if grid.rows.map(\.cells) != withBlanks { fatalError("the import grid differs from the CSV records") }
    for kind in ImportKind.spreadsheetKinds {
        if let reading = try? TemplateReader.read(grid, kind: kind, limits: .standard),
            reading.rows.count + Set(reading.problems.map(\.row)).count != reading.rowsRead
        {
            fatalError("every row read is either valid or has problems")
        }
    }
    return 0
}
