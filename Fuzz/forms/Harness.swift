import Foundation

/// URL-encoded form bodies, as every page's form posts them and as the CSRF
/// check reads them before any handler runs: any text gives fields or none,
/// a name that is present reads back the same each time, and the first
/// field's name and value decode exactly as Foundation's percent decoding
/// reads them (FormFields decodes the bytes itself, for speed).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let body = String(decoding: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self)
    let fields = FormFields(body: body)
    for name in ["csrf_token", "given_name", "", "a"] where fields[name] != fields[name] {
        fatalError("field \(name) read back differently")
    }
    guard let pair = body.split(separator: "&").first else { return 0 }
    let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    for part in parts {
        // "+" is a byte, not a character: Foundation's replacingOccurrences
        // leaves a "+" alone when a combining mark follows it.
        let spaced = String(decoding: part.utf8.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
        let expected = spaced.removingPercentEncoding
        // Foundation is not consistent about escapes that are not UTF-8: it
        // refuses "%80" but repairs "%A9" to U+FFFD. FormFields refuses both;
        // only a repair Foundation made up is allowed to differ.
        if FormFields.decode(part) == nil, let expected,
           replacementCount(expected) > replacementCount(spaced) { continue }
        if FormFields.decode(part) != expected {
            fatalError("\(part) decoded as \(FormFields.decode(part) ?? "nil"), Foundation reads \(expected ?? "nil")")
        }
    }
    if let name = FormFields.decode(parts[0]), !name.isEmpty, fields[name] == nil {
        fatalError("the first field, \(name), was lost")
    }
    return 0
}

private func replacementCount(_ text: String) -> Int {
    text.unicodeScalars.lazy.filter { $0 == "\u{FFFD}" }.count
}
