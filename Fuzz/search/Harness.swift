import WaymarkCore

/// The search box: any text under the length limit is a request or a
/// search error, and a date of birth it finds is never in the future.
let today = CalendarDate(dayNumber: 20_800)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self)
    guard let request = try? SearchQueryParser.parse(text, today: today) else { return 0 }
    if let date = request.dateOfBirth, date > today { fatalError("a date of birth after today") }
    if request.nameTokens.contains(where: \.isEmpty) { fatalError("an empty name token") }
    return 0
}
