/// One reason an instrument cannot be used, naming the field (as a path into
/// the JSON, e.g. `groups[1].areas[0].key`) and the rule it breaks.
public struct InstrumentProblem: Sendable, Equatable, CustomStringConvertible {
    public let field: String
    public let rule: String

    public init(field: String, rule: String) {
        self.field = field
        self.rule = rule
    }

    public var description: String { "\(field): \(rule)" }
}

extension Instrument {
    public static let maximumPoints = 7
    public static let maximumAreas = 40

    /// Every rule the definition breaks; empty when it can be loaded.
    public var problems: [InstrumentProblem] {
        var found: [InstrumentProblem] = []
        func check(_ holds: Bool, _ field: String, _ rule: String) {
            if !holds { found.append(InstrumentProblem(field: field, rule: rule)) }
        }
        check(Self.isKey(key), "key", "must be 1–40 lowercase letters, digits or hyphens, starting with a letter")
        check(version >= 1, "version", "must be a whole number of at least 1")
        check(!title.trimmed.isEmpty && title.count <= 120, "title", "must be given, at most 120 characters")
        check(description.count <= 1_000, "description", "must be at most 1,000 characters")
        check((1...104).contains(reviewIntervalWeeks), "reviewIntervalWeeks", "must be between 1 and 104 weeks")
        check((2...Self.maximumPoints).contains(scale.count), "scale", "must have between 2 and \(Self.maximumPoints) points")
        for (index, point) in scale.enumerated() {
            if index > 0 {
                check(point.value == scale[index - 1].value + 1, "scale[\(index)].value", "must be one more than the point before (the scale is ordered, lowest first)")
            }
            check(!point.label.trimmed.isEmpty && point.label.count <= 60, "scale[\(index)].label", "must be given, at most 60 characters")
            check(!point.descriptor.trimmed.isEmpty && point.descriptor.count <= 400, "scale[\(index)].descriptor", "must be given, at most 400 characters: every point needs a descriptor")
        }
        let values = Set(scale.map(\.value))
        for (index, value) in needPoints.enumerated() {
            check(values.contains(value), "needPoints[\(index)]", "must be one of the scale's values (\(scale.map { String($0.value) }.joined(separator: ", ")))")
        }
        check(!groups.isEmpty, "groups", "must have at least one group of areas")
        var groupKeys: Set<String> = []
        var areaKeys: Set<String> = []
        for (index, group) in groups.enumerated() {
            check(Self.isKey(group.key), "groups[\(index)].key", "must be 1–40 lowercase letters, digits or hyphens, starting with a letter")
            check(groupKeys.insert(group.key).inserted, "groups[\(index)].key", "must be unique: '\(group.key)' is used twice")
            check(!group.title.trimmed.isEmpty && group.title.count <= 80, "groups[\(index)].title", "must be given, at most 80 characters")
            check(!group.areas.isEmpty, "groups[\(index)].areas", "must have at least one area")
            for (position, area) in group.areas.enumerated() {
                let field = "groups[\(index)].areas[\(position)]"
                check(Self.isKey(area.key), "\(field).key", "must be 1–40 lowercase letters, digits or hyphens, starting with a letter")
                check(areaKeys.insert(area.key).inserted, "\(field).key", "must be unique across the instrument: '\(area.key)' is used twice")
                check(!area.title.trimmed.isEmpty && area.title.count <= 80, "\(field).title", "must be given, at most 80 characters")
                check(!area.question.trimmed.isEmpty && area.question.count <= 200, "\(field).question", "must be given, at most 200 characters")
            }
        }
        // A radar needs three axes to be a shape; more than the maximum cannot be read on a phone.
        check((3...Self.maximumAreas).contains(areas.count), "groups", "must hold between 3 and \(Self.maximumAreas) areas in all (it has \(areas.count))")
        return found
    }

    static func isKey(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, (1...40).contains(text.count), ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
