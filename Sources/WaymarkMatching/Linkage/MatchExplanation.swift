import Foundation

/// Why a pair scored what it did: every field's level with its m, u and
/// weight (term-frequency adjustment included), the prior, and the total,
/// which is the prior plus the field weights.
public struct MatchExplanation: Sendable {
    public struct Field: Sendable {
        public let field: LinkageField
        public let level: String
        public let m: Double?
        public let u: Double?
        /// Part of `weight` from the value's own frequency (exact names only).
        public let termFrequencyAdjustment: Double
        public let weight: Double
    }

    public let leftID: String
    public let rightID: String
    public let priorWeight: Double
    /// Each field's weight is shown, but the household fields count once
    /// together, as this (see ``FellegiSunterModel``): the total is the prior,
    /// the person fields' weights, this, and the name frequencies.
    public let householdWeight: Double
    public let fields: [Field]
    public let totalWeight: Double
    public let probability: Double
    public let outcome: MatchOutcome
    /// Why the pair may not be merged (a likely twin or sibling, different identifiers), if it may not.
    public let reason: String?

    /// One line per field, then the total, for a person reviewing the pair.
    public var text: String {
        var lines = ["\(leftID) ~ \(rightID): \(outcome.rawValue), probability \(String(format: "%.4f", probability))"]
        lines.append("  prior" + String(repeating: " ", count: 21) + String(format: "%+8.2f", priorWeight))
        for field in fields {
            let name = field.field.name.padding(toLength: 13, withPad: " ", startingAt: 0)
            let level = field.level.padding(toLength: 16, withPad: " ", startingAt: 0)
            var line = "  \(name)\(level)" + String(format: "%+8.2f", field.weight)
            if let m = field.m, let u = field.u { line += String(format: "   m=%.4f u=%.6f", m, u) }
            if field.termFrequencyAdjustment != 0 { line += String(format: " (frequency %+.2f)", field.termFrequencyAdjustment) }
            lines.append(line)
        }
        lines.append("  household (counted once)" + String(repeating: " ", count: 2) + String(format: "%+8.2f", householdWeight))
        if let reason { lines.append("  not merged: \(reason)") }
        lines.append("  total" + String(repeating: " ", count: 21) + String(format: "%+8.2f", totalWeight))
        return lines.joined(separator: "\n")
    }

    /// One JSON object per line: a header line, then one per field.
    public var jsonLines: [String] {
        func number(_ value: Double?) -> String { value.map { String(format: "%.6g", $0) } ?? "null" }
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var lines = [
            "{\"left\":\(quoted(leftID)),\"right\":\(quoted(rightID)),\"outcome\":\(quoted(outcome.rawValue)),"
                + "\"probability\":\(number(probability)),\"weight\":\(number(totalWeight)),\"prior\":\(number(priorWeight)),"
                + "\"household\":\(number(householdWeight))" + (reason.map { ",\"reason\":\(quoted($0))" } ?? "") + "}"
        ]
        for field in fields {
            lines.append(
                "{\"field\":\(quoted(field.field.name)),\"level\":\(quoted(field.level)),\"m\":\(number(field.m)),\"u\":\(number(field.u)),"
                    + "\"tf\":\(number(field.termFrequencyAdjustment)),\"weight\":\(number(field.weight))}")
        }
        return lines
    }
}
