import WaymarkFormats
import WaymarkMatching

/// The matching command's input: a CSV with a header read into linkage
/// records (as `waymark match` does), then, for a small file, the whole
/// linkage run, so names, dates and postcodes from the file reach the
/// normalisers, comparators and the model. 160 random pairs (ten per
/// sampling chunk) already repeat pairs of a 60-row file; more only repeated
/// the same comparisons.
let configuration = LinkageConfiguration(randomPairs: 160, maxEMIterations: 10, chunks: 1)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let table = try? CSVTable(Array(UnsafeRawBufferPointer(start: data, count: count))),
        let records = try? LinkageInput.records(header: table.header, rows: table.rows)
    else { return 0 }
    if records.count != table.rows.count { fatalError("a row was dropped without an error") }
    guard (2...60).contains(records.count) else { return 0 }
    let result = LinkageEngine.dedupe(records, configuration: configuration)
    for pair in result.pairs where !(0...1).contains(pair.probability) {
        fatalError("a match probability of \(pair.probability)")
    }
    return 0
}
