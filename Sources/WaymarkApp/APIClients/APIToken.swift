import Crypto
import Foundation

/// An API client's secret: "wmk_" and 256 random bits, URL-safe. Shown once
/// when issued; the store keeps only its SHA-256 and its first characters.
enum APIToken {
    static let prefix = "wmk_"

    static func make() -> String {
        prefix
            + SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The first characters, shown in lists so an administrator can tell which token a system holds.
    static func hint(_ token: String) -> String {
        String(token.prefix(prefix.count + 6))
    }

    /// Whether the text could be one of ours; anything else is refused unhashed.
    static func isPlausible(_ token: String) -> Bool {
        token.hasPrefix(prefix) && token.count <= 100
    }
}
