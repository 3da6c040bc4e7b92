public import Foundation
import Yams

/// The reference page's content, read from the document itself so the page
/// can never describe an API other than the one served: each operation with
/// its parameters, body and answers, grouped by tag, and every schema.
public struct APIReference: Sendable, Encodable {
    public struct Parameter: Sendable, Encodable {
        public let name: String
        public let location: String
        public let required: Bool
        public let type: String
        public let description: String
    }

    public struct Answer: Sendable, Encodable {
        public let status: String
        public let description: String
        /// The media types and schemas answered; nil for none.
        public let body: String?
    }

    public struct Operation: Sendable, Encodable {
        public let id: String
        public let method: String
        public let path: String
        public let summary: String
        public let description: [String]
        public let parameters: [Parameter]
        public let hasParameters: Bool
        public let body: String?
        public let answers: [Answer]
    }

    public struct Group: Sendable, Encodable {
        public let name: String
        public let description: String
        public let operations: [Operation]
    }

    public struct Property: Sendable, Encodable {
        public let name: String
        public let type: String
        public let required: Bool
        public let description: String
    }

    public struct Schema: Sendable, Encodable {
        public let name: String
        public let description: String?
        public let properties: [Property]
        public let hasProperties: Bool
        public let values: String?
    }

    public let title: String
    public let version: String
    public let introduction: [String]
    public let basePath: String
    public let groups: [Group]
    public let schemas: [Schema]

    /// Read from the shipped document.
    public static let shipped: APIReference = {
        do {
            return try APIReference(yaml: APIDocument.yaml)
        } catch {
            fatalError("openapi.yaml could not be read for the reference page: \(error)")
        }
    }()

    init(yaml: String) throws {
        let root = try Yams.load(yaml: yaml) as? [String: Any] ?? [:]
        let info = root["info"] as? [String: Any] ?? [:]
        title = info["title"] as? String ?? "API"
        version = info["version"] as? String ?? ""
        introduction = Self.paragraphs(info["description"] as? String)
        basePath = ((root["servers"] as? [[String: Any]])?.first?["url"] as? String) ?? "/"
        let components = root["components"] as? [String: Any] ?? [:]
        let sharedParameters = components["parameters"] as? [String: Any] ?? [:]
        let sharedResponses = components["responses"] as? [String: Any] ?? [:]
        var byTag: [String: [Operation]] = [:]
        let paths = root["paths"] as? [String: Any] ?? [:]
        for path in paths.keys.sorted() {
            guard let item = paths[path] as? [String: Any] else { continue }
            for method in ["get", "post", "put", "patch", "delete"] {
                guard let operation = item[method] as? [String: Any] else { continue }
                let parameters = (operation["parameters"] as? [Any] ?? []).compactMap { entry -> Parameter? in
                    guard let parameter = Self.resolve(entry, in: sharedParameters) else { return nil }
                    let schema = parameter["schema"] as? [String: Any] ?? [:]
                    return Parameter(
                        name: parameter["name"] as? String ?? "", location: parameter["in"] as? String ?? "", required: parameter["required"] as? Bool ?? false,
                        type: Self.typeName(schema), description: parameter["description"] as? String ?? "")
                }
                let requestContent = ((operation["requestBody"] as? [String: Any])?["content"] as? [String: Any]) ?? [:]
                let body = requestContent.keys.sorted().first.map { type in
                    "\(type): " + Self.typeName((requestContent[type] as? [String: Any])?["schema"] as? [String: Any] ?? [:])
                }
                let responses = operation["responses"] as? [String: Any] ?? [:]
                let answers = responses.keys.sorted().map { status in
                    let response = Self.resolve(responses[status] as Any, in: sharedResponses) ?? [:]
                    let content = response["content"] as? [String: Any] ?? [:]
                    let shown = content.keys.sorted().map { type in
                        "\(type) " + Self.typeName((content[type] as? [String: Any])?["schema"] as? [String: Any] ?? [:])
                    }
                    return Answer(
                        status: status, description: response["description"] as? String ?? "", body: shown.isEmpty ? nil : shown.joined(separator: ", "))
                }
                let tag = (operation["tags"] as? [String])?.first ?? "other"
                byTag[tag, default: []].append(
                    Operation(
                        id: operation["operationId"] as? String ?? "", method: method.uppercased(), path: path,
                        summary: operation["summary"] as? String ?? "", description: Self.paragraphs(operation["description"] as? String),
                        parameters: parameters, hasParameters: !parameters.isEmpty, body: body, answers: answers))
            }
        }
        let tags = root["tags"] as? [[String: Any]] ?? []
        let tagNames = tags.compactMap { $0["name"] as? String }
        groups = (tagNames + byTag.keys.filter { !tagNames.contains($0) }.sorted()).compactMap { name in
            guard let operations = byTag[name] else { return nil }
            let description = tags.first { $0["name"] as? String == name }?["description"] as? String ?? ""
            return Group(name: name, description: description, operations: operations)
        }
        let schemas = components["schemas"] as? [String: Any] ?? [:]
        self.schemas = schemas.keys.sorted().compactMap { name in
            guard let schema = schemas[name] as? [String: Any] else { return nil }
            let required = Set(schema["required"] as? [String] ?? [])
            let properties = schema["properties"] as? [String: Any] ?? [:]
            let listed = properties.keys.sorted().map { key in
                let property = properties[key] as? [String: Any] ?? [:]
                return Property(name: key, type: Self.typeName(property), required: required.contains(key), description: property["description"] as? String ?? "")
            }
            let values = (schema["enum"] as? [Any]).map { $0.map { "\($0)" }.joined(separator: ", ") }
            return Schema(name: name, description: schema["description"] as? String, properties: listed, hasProperties: !listed.isEmpty, values: values)
        }
    }

    /// A `$ref` to a shared component, or the object itself.
    private static func resolve(_ entry: Any, in shared: [String: Any]) -> [String: Any]? {
        guard let object = entry as? [String: Any] else { return nil }
        guard let reference = object["$ref"] as? String else { return object }
        return shared[String(reference.split(separator: "/").last ?? "")] as? [String: Any]
    }

    /// A schema in words: `Person`, `array of PersonSummary`, `string (date)`, `integer: 111, 121…`.
    static func typeName(_ schema: [String: Any]) -> String {
        if let reference = schema["$ref"] as? String { return String(reference.split(separator: "/").last ?? "") }
        let type = schema["type"] as? String ?? "object"
        if type == "array" { return "array of " + typeName(schema["items"] as? [String: Any] ?? [:]) }
        var name = type
        if let format = schema["format"] as? String { name += " (\(format))" }
        if let values = schema["enum"] as? [Any] { name += ": " + values.map { "\($0)" }.joined(separator: ", ") }
        return name
    }

    /// A description's paragraphs, split on blank lines, with its line breaks joined.
    static func paragraphs(_ text: String?) -> [String] {
        (text ?? "").components(separatedBy: "\n\n").map { $0.split(separator: "\n").joined(separator: " ").trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
