import WaymarkCore

/// Sensitivity classes as one text column: raw values, comma-separated, in
/// their declared order, so the same set is always stored the same way.
enum SensitivityClassList {
    static func encode(_ classes: Set<SensitivityClass>) -> String {
        classes.sorted().map(\.rawValue).joined(separator: ",")
    }

    static func decode(_ text: String, table: String) throws -> Set<SensitivityClass> {
        var classes = Set<SensitivityClass>()
        for part in text.split(separator: ",") {
            guard let value = SensitivityClass(rawValue: String(part)) else {
                throw StoreError.invalidStoredValue(table: table, column: "classes", value: text)
            }
            classes.insert(value)
        }
        return classes
    }
}
