import Foundation
import WaymarkCore

/// A date field as a form posts it: `start-date[day]`, `start-date[month]`
/// and `start-date[year]` from the three boxes, or, from a caller that
/// predates them, one `start-date` value (YYYY-MM-DD or DD/MM/YYYY).
struct DateEntry: Decodable, Sendable {
    var fields: DateFields
    /// The one-value form, kept as sent so a bad one is reported, not dropped.
    var single: String?

    init(_ fields: DateFields) {
        self.fields = fields
    }

    init(_ date: CalendarDate) {
        fields = DateFields(date)
    }

    private enum Keys: String, CodingKey {
        case day, month, year
    }

    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            single = text
            fields = FormDate.parse(text.trimmingCharacters(in: .whitespaces)).map(DateFields.init) ?? DateFields()
            return
        }
        let boxes = try decoder.container(keyedBy: Keys.self)
        fields = DateFields(
            day: try boxes.decodeIfPresent(String.self, forKey: .day) ?? "",
            month: try boxes.decodeIfPresent(String.self, forKey: .month) ?? "",
            year: try boxes.decodeIfPresent(String.self, forKey: .year) ?? "")
    }
}

extension DateEntry {
    /// Nothing typed in any box (nor in the one-value form).
    var isBlank: Bool {
        (single?.trimmingCharacters(in: .whitespaces) ?? "").isEmpty && fields.isBlank
    }
}

extension DateEntry {
    /// The id of one of a date's three boxes ("start-date-month"). Here, not
    /// in the view, so `FormProblems` links to it without the app module (the
    /// dates fuzzer compiles it with the core alone).
    static func boxID(_ field: String, _ part: DateFields.Part) -> String {
        "\(field)-\(part.rawValue)"
    }
}
