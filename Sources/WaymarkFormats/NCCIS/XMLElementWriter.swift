import WaymarkCore

/// Builds indented XML text one element at a time. Optional values that are
/// absent are left out entirely: an empty `<ReviewDate></ReviewDate>` is not a
/// valid date under the schema.
struct XMLElementWriter {
    private(set) var text = ""
    private var depth: Int

    init(depth: Int = 0) {
        self.depth = depth
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
        text += "<\(name)>\(XMLText.escaped(value))</\(name)>\n"
    }

    mutating func element(_ name: String, _ date: CalendarDate?) {
        element(name, date?.iso)
    }

    mutating func raw(_ line: String) {
        text += line + "\n"
    }

    private mutating func indent() {
        text += String(repeating: "  ", count: depth)
    }
}
