public import Foundation

/// The OpenAPI document the API is generated from, as shipped: served as it
/// is at `/openapi.yaml`, and read for the reference page.
public enum APIDocument {
    /// The document's text, read once.
    public static let yaml: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"), let text = try? String(contentsOf: url, encoding: .utf8) else {
            // Shipped inside the target's bundle: without it the build itself is broken.
            fatalError("openapi.yaml is missing from the WaymarkAPI bundle")
        }
        return text
    }()

    /// Where the operations are mounted.
    public static let basePath = "/api/v1"
}
