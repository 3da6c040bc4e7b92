import Foundation
import WaymarkFormats

/// A published "known elsewhere?" file as any LA in the region (or anyone
/// who can drop a file where the index loads from) might send it. The reader
/// is fed in chunks, as the loader feeds it a megabyte at a time; the first
/// byte picks the chunk size, so the fuzzer also searches the places a line
/// can be cut. Whatever the bytes: no crash, the same answer however the
/// file is cut, only 32-hex-digit digests, never more than the cap, and a
/// file read to its end has a header and a trailer that counts its digests.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: data, count: count))
    let chunk = max(1, Int(bytes.first ?? 1) % 64)
    let whole = read(bytes, chunk: bytes.count + 1)
    let cut = read(bytes, chunk: chunk)
    if whole != cut { fatalError("the same file read differently when cut into chunks of \(chunk): \(whole) / \(cut)") }
    return 0
}

enum Outcome: Equatable {
    case read(header: KnownElsewhereFileHeader, digests: [String])
    case refused(line: Int, field: String, rule: String)
}

func read(_ bytes: [UInt8], chunk: Int) -> Outcome {
    var reader = KnownElsewhereFileReader(maxDigests: 500)
    var digests: [String] = []
    do {
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            digests += try reader.feed(bytes[start..<end])
            start = end
        }
        try reader.finish()
    } catch {
        if error.rule.isEmpty || error.field.isEmpty || error.message.isEmpty { fatalError("a refusal names no field, rule or message") }
        if error.line < 0 { fatalError("a refusal names line \(error.line)") }
        return .refused(line: error.line, field: error.field, rule: error.rule)
    }
    guard let header = reader.header else { fatalError("a file without a header was read") }
    if digests.count > 500 || reader.digests != digests.count { fatalError("\(digests.count) digests read, \(reader.digests) counted, cap 500") }
    for digest in digests where digest.utf8.count != 32 || !digest.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) {
        fatalError("'\(digest)' was read as a digest")
    }
    if header.laCode.utf8.count != 3 || header.keyID.isEmpty { fatalError("a header was read with LA '\(header.laCode)' and key '\(header.keyID)'") }
    return .read(header: header, digests: digests)
}
