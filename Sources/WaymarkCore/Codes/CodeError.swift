/// A code that is not in the national code set it claims to belong to.
///
/// Unknown codes are errors, never silent defaults: a typo in a file must not
/// turn a young person into "not known" without anyone noticing.
public struct UnknownCodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The field that carried the code, e.g. "ActivityCode".
    public let field: String
    /// The value as it arrived.
    public let value: String

    public init(field: String, value: String) {
        self.field = field
        self.value = value
    }

    public var description: String {
        "\(field): '\(value)' is not a recognised code"
    }
}

/// A code set from the NCCIS data standard whose values are written as strings.
public protocol NationalCode: RawRepresentable, CaseIterable, Hashable, Sendable, Codable where RawValue: LosslessStringConvertible {
    /// The name of the NCCIS field the code belongs to, used in error messages.
    static var fieldName: String { get }
    /// The official meaning, as worded in the standard.
    var meaning: String { get }
}

extension NationalCode {
    /// Parses a code, rejecting anything not in the set.
    public static func parse(_ text: String) throws -> Self {
        let trimmed = text.trimmingWhitespace()
        guard let raw = RawValue(trimmed), let code = Self(rawValue: raw) else {
            throw UnknownCodeError(field: fieldName, value: text)
        }
        return code
    }
}

extension String {
    func trimmingWhitespace() -> String {
        // Fast path: codes and names almost never carry outer spaces, and
        // Character.isWhitespace is costly over a quarter of a million records.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
