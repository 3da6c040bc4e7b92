/// Finds the module an import declaration names, in any of its forms:
/// `import M`, `public import M`, `@testable import M`, `@_exported import M`,
/// `import struct M.Type`, `import M.Submodule`.
enum ImportLine {
    static let accessLevels: Set<Substring> = ["public", "package", "internal", "fileprivate", "private", "open"]
    static let kinds: Set<Substring> = ["typealias", "struct", "class", "enum", "protocol", "let", "var", "func"]

    static func module(in line: Substring) -> String? {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
        // Attributes such as @testable, @_exported, @preconcurrency, @_implementationOnly.
        while let first = words.first, first.hasPrefix("@") { words = words.dropFirst() }
        if let first = words.first, accessLevels.contains(first) { words = words.dropFirst() }
        guard words.first == "import" else { return nil }
        words = words.dropFirst()
        if let first = words.first, kinds.contains(first) { words = words.dropFirst() }
        guard let path = words.first else { return nil }
        return path.split(separator: ".").first.map(String.init)
    }
}
