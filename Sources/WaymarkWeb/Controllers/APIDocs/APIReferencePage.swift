import Foundation
import WaymarkAPI

/// The API's reference, made from its OpenAPI document (``APIReference``):
/// what each operation takes and answers, and every schema. Descriptions'
/// `code` and **bold** marks become HTML after the text is escaped.
struct APIReferencePage: PageModel {
    static let template = "api-reference"

    struct Operation: Sendable {
        let id: String
        let method: String
        let path: String
        let summary: String
        let description: [String]
        let parameters: [APIReference.Parameter]
        let hasParameters: Bool
        let body: String?
        let answers: [APIReference.Answer]
    }

    struct Group: Sendable {
        let name: String
        let description: String
        let operations: [Operation]
    }

    let title = "Waymark API reference"
    let version: String
    let introduction: [String]
    let basePath: String
    let groups: [Group]
    let schemas: [APIReference.Schema]
    let documentURL = "/openapi.yaml"

    init(_ reference: APIReference) {
        version = reference.version
        introduction = reference.introduction.map(Self.marked)
        basePath = reference.basePath
        groups = reference.groups.map { group in
            Group(
                name: group.name, description: group.description,
                operations: group.operations.map { operation in
                    Operation(
                        id: operation.id, method: operation.method, path: operation.path, summary: operation.summary,
                        description: operation.description.map(Self.marked), parameters: operation.parameters, hasParameters: operation.hasParameters,
                        body: operation.body, answers: operation.answers)
                })
        }
        schemas = reference.schemas
    }

    /// Escapes the text, then turns `code` and **bold** into their elements (for triple braces in the template).
    static func marked(_ text: String) -> String {
        var html = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        html = replacingPairs(of: "**", in: html, open: "<strong>", close: "</strong>")
        return replacingPairs(of: "`", in: html, open: "<code>", close: "</code>")
    }

    private static func replacingPairs(of mark: String, in text: String, open: String, close: String) -> String {
        let parts = text.components(separatedBy: mark)
        guard parts.count >= 3 else { return text }
        var result = parts[0]
        for (index, part) in parts.dropFirst().enumerated() {
            // An unpaired last mark stays as it was.
            if index == parts.count - 2, index % 2 == 0 { result += mark + part; continue }
            result += (index % 2 == 0 ? open : close) + part
        }
        return result
    }
}
