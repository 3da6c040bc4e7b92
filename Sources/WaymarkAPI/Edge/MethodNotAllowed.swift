import Foundation
import Hummingbird
import Yams

/// A method the document does not give for a path is answered 405 with the
/// methods it does (RFC 9110), as problem+json, not the pages' 404.
enum MethodNotAllowed {
    static let methods: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete]
    /// Methods no path documents, answered 405 too rather than the pages' 404
    /// (HEAD only where GET is not given: otherwise it is GET without a body).
    static let neverDocumented: [HTTPRequest.Method] = [.options, .trace, .head, HTTPRequest.Method("QUERY")!]

    static func register<Context: RequestContext>(on router: Router<Context>) {
        for (path, allowed) in documentedMethods() {
            let allow = allowed.map(\.rawValue).joined(separator: ", ")
            let route = APIDocument.basePath + path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
            for method in refused(allowed: allowed) {
                router.on(RouterPath(route), method: method) { _, _ in
                    var response = ProblemResponse.make(
                        APIProblem(status: 405, title: "Method not allowed", detail: "\(path) answers \(allow) only."))
                    response.headers[.allow] = allow
                    return response
                }
            }
        }
    }

    /// The methods answered 405 on a path that gives `allowed`.
    static func refused(allowed: [HTTPRequest.Method]) -> [HTTPRequest.Method] {
        methods.filter { !allowed.contains($0) } + neverDocumented.filter { $0 != .head || !allowed.contains(.get) }
    }

    /// Each path of the document with the methods it gives.
    static func documentedMethods() -> [(String, [HTTPRequest.Method])] {
        let root = (try? Yams.load(yaml: APIDocument.yaml)) as? [String: Any] ?? [:]
        let paths = root["paths"] as? [String: Any] ?? [:]
        return paths.keys.sorted().map { path in
            let item = paths[path] as? [String: Any] ?? [:]
            return (path, methods.filter { item[$0.rawValue.lowercased()] != nil })
        }
    }
}
