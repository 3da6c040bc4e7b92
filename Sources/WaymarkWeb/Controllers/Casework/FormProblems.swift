import Foundation
import WaymarkCore

/// The problems with a submitted form, each tied to the id of its field, for
/// the GOV.UK error summary (each entry links to its field) and the inline
/// message beside the field.
struct FormProblems: Sendable {
    struct Problem: Sendable {
        let field: String
        let message: String
    }

    private(set) var all: [Problem] = []

    var isEmpty: Bool { all.isEmpty }

    mutating func add(_ field: String, _ message: String) {
        all.append(Problem(field: field, message: message))
    }

    /// A domain rule, with its number named: "The date ascertained cannot be before the start date (NCCIS 242)".
    mutating func add(_ violation: RuleViolation, fieldIDs: [String: String]) {
        add(fieldIDs[violation.field] ?? fieldIDs["*"] ?? violation.field, "\(violation.message) (\(violation.rule))")
    }

    func message(for field: String) -> String? {
        all.first { $0.field == field }?.message
    }

    /// Required text, trimmed, within a length.
    mutating func text(_ value: String?, field: String, label: String, required: Bool, maxLength: Int) -> String? {
        let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if trimmed.isEmpty {
            if required { add(field, "Enter \(label)") }
            return nil
        }
        if trimmed.count > maxLength {
            add(field, "\(label.prefix(1).uppercased() + label.dropFirst()) must be \(maxLength) characters or fewer (it has \(trimmed.count))")
            return nil
        }
        return trimmed
    }

    /// A date typed as YYYY-MM-DD (what `<input type=date>` sends) or DD/MM/YYYY.
    mutating func date(_ value: String?, field: String, label: String, required: Bool) -> CalendarDate? {
        let trimmed = value?.trimmingCharacters(in: .whitespaces) ?? ""
        if trimmed.isEmpty {
            if required { add(field, "Enter \(label)") }
            return nil
        }
        if let date = FormDate.parse(trimmed) { return date }
        add(field, "\(label.prefix(1).uppercased() + label.dropFirst()) must be a real date, like 2026-11-25 or 25/11/2026")
        return nil
    }
}

/// Reads the two ways people type dates.
enum FormDate {
    static func parse(_ text: String) -> CalendarDate? {
        guard text.count <= 10 else { return nil }
        if let date = try? CalendarDate(iso: text) { return date }
        let parts = text.split(separator: "/")
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]), parts[2].count == 4 else { return nil }
        return try? CalendarDate(year: year, month: month, day: day)
    }
}

/// An `<option>` or radio choice.
struct Choice: Sendable {
    let value: String
    let label: String
    let selected: Bool
}
