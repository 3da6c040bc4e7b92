/// One broken rule: which field, which rule, and a sentence a person can act on.
public struct RuleViolation: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The field the rule concerns, named as in the NCCIS standard (e.g. "DateAscertained").
    public let field: String
    /// The rule's identity: "NCCIS 242" for a numbered national error, otherwise a Waymark rule name.
    public let rule: String
    /// What is wrong, in plain words.
    public let message: String

    public init(field: String, rule: String, message: String) {
        self.field = field
        self.rule = rule
        self.message = message
    }

    /// A numbered rule from the national error list (Appendix D).
    public static func nccis(_ number: Int, field: String, _ message: String) -> RuleViolation {
        RuleViolation(field: field, rule: "NCCIS \(number)", message: message)
    }

    public var description: String { "\(field): \(message) (\(rule))" }
}

/// Input the domain refuses, with every rule it breaks.
public struct ValidationFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public let violations: [RuleViolation]

    public init(_ violations: [RuleViolation]) {
        self.violations = violations
    }

    public var description: String { violations.map(\.description).joined(separator: "; ") }
}
