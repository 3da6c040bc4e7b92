import WaymarkCore

/// Campaign templates as an officer types them: whatever the text, checking
/// and rendering return or throw a template error; rendering with every
/// field filled leaves no merge field behind.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self)
    let template = CampaignTemplate(text)
    guard let names = try? template.fieldNames() else { return 0 }
    let values = Dictionary(uniqueKeysWithValues: CampaignTemplate.fields.map { ($0.name, "<\($0.name)>") })
    guard let rendered = try? template.render(values) else { fatalError("fieldNames accepted a template that render refused") }
    for name in names where !rendered.contains("<\(name)>") {
        fatalError("field \(name) was not filled in")
    }
    _ = try? template.render([:])
    return 0
}
