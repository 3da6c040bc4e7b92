import WaymarkCore
import WaymarkFormats
import WaymarkMatching

/// Every way Waymark reads a date from text: the strict ISO form (Core),
/// import cells with and without Excel serials (Formats), linkage dates of
/// birth (Matching), dates typed in forms (Web's FormDate) and in the search
/// box (the search parser), then calendar arithmetic on what was read.
/// The first 16 bytes, when there are more, are a day and a month count.
let today = CalendarDate(dayNumber: 20_800)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let buffer = UnsafeRawBufferPointer(start: data, count: count)
    var days = 0, months = 0
    var textBytes = buffer[...]
    if count > 16 {
        days = buffer.loadUnaligned(fromByteOffset: 0, as: Int.self)
        months = buffer.loadUnaligned(fromByteOffset: 8, as: Int.self)
        textBytes = buffer[16...]
    }
    let text = String(decoding: textBytes, as: UTF8.self)

    var dates: [CalendarDate] = []
    if let date = try? CalendarDate(iso: text) {
        if date.iso != text { fatalError("\(text) read as \(date.iso)") }
        dates.append(date)
    }
    for (serial, date1904) in [(false, false), (true, false), (true, true)] {
        if let date = try? ImportValues.date(text, excelSerial: serial, date1904: date1904) { dates.append(date) }
    }
    if let birth = BirthDate(iso: text), birth.year >= 1, (try? CalendarDate(year: birth.year, month: birth.month, day: birth.day)) == nil {
        fatalError("linkage accepted \(text), which the calendar refuses")
    }
    if let date = FormDate.parse(text) { dates.append(date) }
    if let date = SearchQueryParser.numericDate(text, today: today) { dates.append(date) }
    let words = text.split(separator: " ").map(String.init)
    if let date = SearchQueryParser.spelledDate(words, at: 0, today: today) { dates.append(date) }

    for date in dates {
        check(date)
        check(date.adding(days: days))
        check(date.adding(months: months))
        check(date.endOfMonth)
        _ = date.days(until: today)
        _ = date.completedYears(to: date.adding(days: days))
    }
    return 0
}

/// A real month and day, the same date back from its day number, and, within
/// the years a file can hold, the same date back from its text.
func check(_ date: CalendarDate) {
    let real = (1...12).contains(date.month) && (1...CalendarDate.daysIn(month: date.month, year: date.year)).contains(date.day)
    guard real, CalendarDate(dayNumber: date.dayNumber) == date else {
        fatalError("\(date.year)-\(date.month)-\(date.day) is not a real date")
    }
    if (1...9_999).contains(date.year), (try? CalendarDate(iso: date.iso)) != date {
        fatalError("\(date.iso) does not read back")
    }
}
