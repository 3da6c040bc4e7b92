import Mustache

/// A page model as the templates read it: each struct's fields gathered
/// into a dictionary once, and each field wrapped in turn only when a
/// template first asks for it. swift-mustache's own lookup reflects the
/// whole struct again for every name a template asks for, and filters all
/// its fields each time: a third of a record page's CPU at 250,000 people.
/// Wrapping every field up front instead still reflected what no template
/// reads (the record behind a page's display rows, a result's raw
/// candidate): a tenth of a search page's CPU.
/// What renders is unchanged: a struct still prints as it describes itself,
/// a nil field still falls back to the enclosing context, as before.
///
/// A class so the fields wrapped so far are kept between lookups; one render
/// reads it on one task, and a page model is never shared between renders.
final class ReflectedModel: MustacheParent, MustacheCustomRenderable {
    private let value: Any
    private let fields: [String: Any]
    private var wrapped: [String: Any?] = [:]

    private init(_ value: Any, _ mirror: Mirror) {
        self.value = value
        var fields: [String: Any] = [:]
        for child in mirror.children {
            guard let label = child.label else { continue }
            fields[label] = child.value
        }
        self.fields = fields
    }

    /// `value` with every struct or class in it ready to be read; nil for an empty optional.
    static func wrap(_ value: Any) -> Any? {
        // Most fields are text, numbers or flags: a cast finds those (and
        // unwraps a filled optional) far more cheaply than a mirror, which a
        // search page built once for every cell of every row.
        if let text = value as? String { return text }
        if let number = value as? Int { return number }
        if let flag = value as? Bool { return flag }
        // A hot row that names its own fields needs no mirror at all.
        if let parent = value as? any MustacheParent { return parent }
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

    func child(named name: String) -> Any? {
        if let known = wrapped[name] { return known }
        let field = fields[name].flatMap(Self.wrap)
        wrapped[name] = .some(field)
        return field
    }

    var renderText: String { String(describing: value) }
    var isNull: Bool { false }
}
