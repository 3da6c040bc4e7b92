import Crypto
import Foundation

/// The secret in an invitation link: 256 random bits, URL-safe, stored only as its SHA-256.
enum InvitationToken {
    static func make() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A token is 43 characters; anything much longer was not made here and is not hashed.
    static let maxLength = 100
}
