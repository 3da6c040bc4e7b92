import WaymarkCore

/// `d("2026-08-31")`: a date literal for tests; a typo fails loudly.
func d(_ text: String) -> CalendarDate {
    do { return try CalendarDate(iso: text) } catch { fatalError("bad test date \(text)") }
}
