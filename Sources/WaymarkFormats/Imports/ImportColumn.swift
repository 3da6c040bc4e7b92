/// One column of an import template: the field it fills, whether a file must
/// have it, and the headers that name it.
public struct ImportColumn: Hashable, Sendable {
    public let field: ImportField
    /// A file without this column is refused as a whole (`ImportFileError.missingColumns`).
    public let required: Bool

    public init(_ field: ImportField, required: Bool = false) {
        self.field = field
        self.required = required
    }

    /// The canonical name: what problems call the column.
    public var name: String { field.name }

    /// Every header that maps to this column, its label first and the
    /// canonical (programs') name last.
    public var aliases: [String] {
        var seen = Set<String>()
        return ([field.label] + field.aliases + [field.name]).filter { seen.insert($0).inserted }
    }

    /// Whether a file's header names this column.
    public func matches(header: String) -> Bool {
        ImportField.fieldsByKey[ImportField.headerKey(header)]?.contains(field) ?? false
    }
}
