import Foundation
import WaymarkApp
import WaymarkCore

/// A date field as the shared `date-input` partial draws it: a fieldset
/// whose legend names the date, a hint with an example, the error above
/// the three boxes, each box kept as typed and marked when at fault.
struct DateFieldView: Sendable {
    let id: String
    let legend: String
    let hint: String
    let day: String
    let month: String
    let year: String
    let error: String?
    let hasError: Bool
    let dayError: Bool
    let monthError: Bool
    let yearError: Bool

    /// `about` says what the date is for ("When you found this out."); the
    /// example follows it, as GOV.UK's date input shows one.
    init(_ entry: DateEntry?, _ field: String, legend: String, about: String? = nil, example: String = "27 3 2007", _ problems: FormProblems) {
        id = field
        self.legend = legend
        hint = [about, "For example, \(example)"].compactMap { $0 }.joined(separator: " ")
        let fields = entry?.fields ?? DateFields()
        // An old-style single value that could not be read is shown in the day box, so it is not lost from view.
        day = fields.isBlank ? entry?.single ?? "" : fields.day
        month = fields.month
        year = fields.year
        error = problems.message(for: field)
        hasError = error != nil
        let faulty = problems.faultyParts(of: field)
        dayError = faulty.contains(.day)
        monthError = faulty.contains(.month)
        yearError = faulty.contains(.year)
    }

    /// An example for a date ahead (a follow-up, an appointment): next
    /// year's, so the example itself is never a date the form would refuse.
    static var aheadExample: String {
        "14 9 \(CalendarDate.today(from: Date()).year + 1)"
    }

    static func boxID(_ field: String, _ part: DateFields.Part) -> String { DateEntry.boxID(field, part) }
}
