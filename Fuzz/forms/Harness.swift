/// URL-encoded form bodies, as every page's form posts them and as the CSRF
/// check reads them before any handler runs: any text gives fields or none,
/// and a name that is present reads back the same each time.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let body = String(decoding: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self)
    let fields = FormFields(body: body)
    for name in ["csrf_token", "given_name", "", "a"] where fields[name] != fields[name] {
        fatalError("field \(name) read back differently")
    }
    if let first = body.split(separator: "&").first?.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first,
        let name = String(first).replacingOccurrences(of: "+", with: " ").removingPercentEncoding, !name.isEmpty, fields[name] == nil
    {
        fatalError("the first field, \(name), was lost")
    }
    return 0
}
