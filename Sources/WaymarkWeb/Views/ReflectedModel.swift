import Mustache

/// A page model as the templates read it: each struct's fields gathered
/// into a dictionary once. swift-mustache's own lookup reflects the whole
/// struct again for every name a template asks for, and filters all its
/// fields each time: a third of a record page's CPU at 250,000 people.
/// What renders is unchanged: a struct still prints as it describes itself,
/// a nil field still falls back to the enclosing context, as before.
struct ReflectedModel: MustacheParent, MustacheCustomRenderable {
    private let value: Any
    private let fields: [String: Any]

    private init(_ value: Any, _ mirror: Mirror) {
        self.value = value
        var fields: [String: Any] = [:]
        for child in mirror.children {
            guard let label = child.label, let field = Self.wrap(child.value) else { continue }
            fields[label] = field
        }
        self.fields = fields
    }

    /// `value` with every struct or class in it read once; nil for an empty optional.
    static func wrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { wrap($0.value) }
        case .struct, .class:
            return mirror.children.isEmpty ? value : ReflectedModel(value, mirror)
        case .collection where value is any MustacheSequence:
            return mirror.children.compactMap { wrap($0.value) }
        default:
            return value
        }
    }

    func child(named name: String) -> Any? { fields[name] }

    var renderText: String { String(describing: value) }
    var isNull: Bool { false }
}
