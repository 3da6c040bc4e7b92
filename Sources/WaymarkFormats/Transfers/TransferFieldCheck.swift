import Foundation
import WaymarkCore

/// Checks one field at a time and keeps every problem with its path, so a
/// refused file lists all that is wrong, not only the first.
struct FieldCheck {
    let limits: TransferLimits
    let registry: LocalAuthorityRegistry
    var problems: [TransferProblem] = []

    mutating func fail(_ field: String, _ rule: String, _ message: String) {
        // A hostile file could name a million problems; the first 20 say enough.
        if problems.count < 20 { problems.append(TransferProblem(field: field, rule: rule, message: message)) }
    }

    mutating func text(_ value: String?, _ field: String, required: Bool = false) -> String? {
        guard let value, !value.isEmpty else {
            if required { fail(field, "required", "missing") }
            return nil
        }
        guard value.count <= limits.maxTextLength else {
            fail(field, "length", "\(value.count) characters; at most \(limits.maxTextLength)")
            return nil
        }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            fail(field, "characters", "holds control characters")
            return nil
        }
        return value
    }

    mutating func date(_ value: String?, _ field: String) -> CalendarDate? {
        guard let value else { return nil }
        guard let date = try? CalendarDate(iso: value, field: field) else {
            fail(field, "date", "'\(value.prefix(40))' is not a date (YYYY-MM-DD)")
            return nil
        }
        return date
    }

    mutating func requiredDate(_ value: String, _ field: String) -> CalendarDate? {
        date(value, field)
    }

    mutating func code<Code: NationalCode>(_ type: Code.Type, _ value: String, _ field: String) -> Code? {
        guard let code = try? Code.parse(value) else {
            fail(field, "code", "'\(value.prefix(40))' is not a recognised \(Code.fieldName)")
            return nil
        }
        return code
    }

    mutating func laCode(_ value: String, _ field: String) -> LocalAuthorityCode? {
        guard let code = try? registry.code(value, field: field) else {
            fail(field, "la-code", "'\(value.prefix(40))' is not a local authority code")
            return nil
        }
        return code
    }

    mutating func raw<Value: RawRepresentable>(_ type: Value.Type, _ value: String?, _ field: String) -> Value? where Value.RawValue == String {
        guard let value else { return nil }
        guard let parsed = Value(rawValue: value) else {
            fail(field, "code", "'\(value.prefix(40))' is not one of the accepted values")
            return nil
        }
        return parsed
    }
}
