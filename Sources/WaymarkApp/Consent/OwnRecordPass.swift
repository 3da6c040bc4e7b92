import Crypto
import Foundation

/// After the young person has confirmed their date of birth, the pages of
/// their own record carry a short-lived pass: the link, an expiry and an
/// HMAC under the self-service key. Nothing is stored, so there is no
/// session to steal, and the pass opens only the link it was made for.
extension SelfServiceTokenSigner {
    static let passLifetime: TimeInterval = 30 * 60

    func pass(forLink link: String, now: Date) -> String {
        let expiry = Int64(now.addingTimeInterval(Self.passLifetime).timeIntervalSince1970)
        return "\(expiry)." + Self.base64URL(Data(HMAC<SHA256>.authenticationCode(for: Data("own-record|\(link)|\(expiry)".utf8), using: key)))
    }

    func acceptsPass(_ pass: String, forLink link: String, now: Date) -> Bool {
        let parts = pass.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0].count <= 12, let expiry = Int64(parts[0]), now.timeIntervalSince1970 < TimeInterval(expiry),
            let signature = Self.data(base64URL: parts[1])
        else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: Data("own-record|\(link)|\(expiry)".utf8), using: key)
    }

    static func data(base64URL text: String) -> Data? {
        guard text.count <= 64 else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
