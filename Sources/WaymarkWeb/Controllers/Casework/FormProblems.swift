import Foundation
import WaymarkCore

/// The problems with a submitted form, each tied to the id of its field, for
/// the GOV.UK error summary (each entry links to its field) and the inline
/// message beside the field.
struct FormProblems: Sendable {
    struct Problem: Sendable {
        let field: String
        let message: String
        /// The id the error summary links to: the field's input, or for a
        /// date the first of its boxes at fault, so following the link puts
        /// the cursor where the fix goes.
        var anchor: String
        /// For a date, the boxes at fault; empty when the whole date is.
        var parts: [DateFields.Part] = []
    }

    private var found: [Problem] = []
    /// Fields drawn as day, month and year boxes: a problem with the date
    /// as a whole (a rule, "cannot be in the future") links to its day box.
    private var dateFields: Set<String> = []

    var all: [Problem] {
        found.map { problem in
            guard dateFields.contains(problem.field), problem.anchor == problem.field else { return problem }
            var linked = problem
            linked.anchor = DateEntry.boxID(problem.field, linked.parts.first ?? .day)
            return linked
        }
    }

    var isEmpty: Bool { found.isEmpty }

    mutating func add(_ field: String, _ message: String) {
        found.append(Problem(field: field, message: message, anchor: field))
    }

    /// A domain rule, with its number named: "The date ascertained cannot be before the start date (NCCIS 242)".
    mutating func add(_ violation: RuleViolation, fieldIDs: [String: String]) {
        add(fieldIDs[violation.field] ?? fieldIDs["*"] ?? violation.field, "\(violation.message) (\(violation.rule))")
    }

    /// Adds another reading's problems (the checks after a field the form could not read), dates still linked to their boxes.
    mutating func merge(_ other: FormProblems) {
        found.append(contentsOf: other.found)
        dateFields.formUnion(other.dateFields)
    }

    func message(for field: String) -> String? {
        found.first { $0.field == field }?.message
    }

    /// The boxes of a date field at fault: those its reading named, or all
    /// three when the date itself broke a rule.
    func faultyParts(of field: String) -> Set<DateFields.Part> {
        guard let problem = found.first(where: { $0.field == field }) else { return [] }
        return problem.parts.isEmpty ? Set(DateFields.Part.allCases) : Set(problem.parts)
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

    /// A date from its day, month and year boxes (or, from an older
    /// caller, one YYYY-MM-DD or DD/MM/YYYY value).
    mutating func date(_ entry: DateEntry?, field: String, label: String, required: Bool) -> CalendarDate? {
        dateFields.insert(field)
        let sentence = label.prefix(1).uppercased() + label.dropFirst()
        if let single = entry?.single?.trimmingCharacters(in: .whitespaces), !single.isEmpty {
            if let date = FormDate.parse(single) { return date }
            add(field, "\(sentence) must be a real date")
            return nil
        }
        switch (entry?.fields ?? DateFields()).read() {
        case .blank:
            if required { add(field, "Enter \(label)") }
            return nil
        case .date(let date):
            return date
        case .problem(let problem):
            found.append(Problem(field: field, message: problem.message(for: sentence), anchor: field, parts: problem.parts))
            return nil
        }
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
