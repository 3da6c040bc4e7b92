/// Multipart uploads: the first line is the request's Content-Type, the rest
/// its body. The boundary is taken from the header as the import page does
/// (a fixed one when the header has none, so bodies are still parsed), then
/// multipart-kit's parser and UploadForm's limits run over the body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: count)
    let newline = bytes.firstIndex(of: 0x0A) ?? count
    let contentType = String(decoding: bytes[..<newline], as: UTF8.self)
    let body = Array(bytes[min(newline + 1, count)...])
    let boundary = UploadForm.boundary(contentType: contentType)
    if let boundary, !(1...70).contains(boundary.utf8.count) { fatalError("a boundary of \(boundary.utf8.count) bytes") }
    _ = UploadForm.isMultipart(contentType: contentType)
    guard let form = try? UploadForm(body: body, boundary: boundary ?? "WaymarkBoundary") else { return 0 }
    if form.fields.count + form.files.count > UploadForm.Limits.parts { fatalError("more parts than the limit") }
    if form.fields.values.contains(where: { $0.utf8.count > UploadForm.Limits.fieldBytes }) { fatalError("a field over the limit") }
    return 0
}
