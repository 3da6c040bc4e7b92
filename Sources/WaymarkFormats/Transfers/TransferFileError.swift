/// One thing wrong with a transfer file: the field (a JSON path such as
/// `activities[3].startDate`), the rule it breaks, and a message.
public struct TransferProblem: Sendable, Equatable, CustomStringConvertible {
    public let field: String
    /// A short name for the rule, e.g. "date", "code", "size", "signature".
    public let rule: String
    public let message: String

    public init(field: String, rule: String, message: String) {
        self.field = field
        self.rule = rule
        self.message = message
    }

    public var description: String { "\(field): \(message) [\(rule)]" }
}

/// A refused transfer file. Nothing of a refused file is kept: the receiver
/// is told what is wrong and asks the sender for a new one.
public struct TransferFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [TransferProblem]

    public init(_ problems: [TransferProblem]) {
        self.problems = problems
    }

    init(field: String, rule: String, _ message: String) {
        self.init([TransferProblem(field: field, rule: rule, message: message)])
    }

    public var description: String {
        "The transfer file was refused and nothing was kept:\n" + problems.map { "- \($0.description)" }.joined(separator: "\n")
    }
}

/// How much a transfer file may hold. One young person's minimal record is
/// a few kilobytes; these keep a huge or hostile file from costing more.
public struct TransferLimits: Sendable {
    public var maxFileBytes: Int
    public var maxListItems: Int
    public var maxTextLength: Int

    public init(maxFileBytes: Int, maxListItems: Int, maxTextLength: Int) {
        self.maxFileBytes = maxFileBytes
        self.maxListItems = maxListItems
        self.maxTextLength = maxTextLength
    }

    public static let standard = TransferLimits(maxFileBytes: 1 << 20, maxListItems: 500, maxTextLength: 500)
}
