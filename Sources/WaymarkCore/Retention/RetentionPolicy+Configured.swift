import Foundation

extension RetentionPolicy {
    /// From `--retention`, else WAYMARK_RETENTION, else the standard policy.
    /// Either names only the classes that differ from the standard:
    /// "sendAndHealth=35,notes=25:erase". A rule's end, when left out, stays the standard's.
    public static func configured(_ flag: String?, environment: [String: String]) throws(RetentionPolicyError) -> RetentionPolicy {
        guard let text = flag ?? environment["WAYMARK_RETENTION"], !text.trimmingCharacters(in: .whitespaces).isEmpty else { return .standard }
        return try standard.overridden(by: text)
    }

    /// The standard rules with those named in `text` replaced.
    public func overridden(by text: String) throws(RetentionPolicyError) -> RetentionPolicy {
        var rules = rules
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let sides = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard sides.count == 2 else { throw .unreadable(part) }
            let name = sides[0].trimmingCharacters(in: .whitespaces)
            guard let dataClass = SensitivityClass(rawValue: name) else { throw .unknownClass(name) }
            let terms = sides[1].split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let age = terms.first.flatMap({ Int($0) }) else { throw .unreadable(part) }
            var end = rule(for: dataClass).end
            if terms.count == 2 {
                guard let named = RetentionEnd(rawValue: terms[1]) else { throw .unreadable(part) }
                end = named
            }
            rules[dataClass] = RetentionRule(keepUntilAge: age, end: end)
        }
        return try RetentionPolicy(rules: rules)
    }
}
