import WaymarkCore

/// Builds indented XML text one element at a time. Optional values that are
/// absent are left out entirely: an empty `<ReviewDate></ReviewDate>` is not a
/// valid date under the schema.
struct XMLElementWriter {
    private(set) var text: String
    private var depth: Int

    init(depth: Int = 0) {
        self.depth = depth
        text = ""
        text.reserveCapacity(2048)
    }

    mutating func open(_ name: String) {
        indent()
        text += "<\(name)>\n"
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        indent()
        text += "</\(name)>\n"
    }

    mutating func element(_ name: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        indent()
        text += "<"
        text += name
        text += ">"
        text += XMLText.escaped(value)
        text += "</"
        text += name
        text += ">\n"
    }

    mutating func element(_ name: String, _ date: CalendarDate?) {
        element(name, date?.iso)
    }

    mutating func raw(_ line: String) {
        text += line + "\n"
    }

    private mutating func indent() {
        text += depth < Self.indents.count ? Self.indents[depth] : String(repeating: "  ", count: depth)
    }

    private static let indents = (0..<8).map { String(repeating: "  ", count: $0) }
}
