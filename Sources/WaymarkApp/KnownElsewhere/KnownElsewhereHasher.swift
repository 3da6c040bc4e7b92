import Crypto
public import Foundation
public import WaymarkCore

/// The keyed hash every LA of a region computes over the same normalised
/// identifiers: HMAC-SHA256 under the region's shared key, cut to 16 bytes
/// and written as 32 hex digits. Without the key a digest cannot be tested
/// against a guess, so the index operator, who does not hold it in normal
/// running, cannot run a dictionary of names and birthdays through it.
public struct KnownElsewhereHasher: Sendable {
    let key: SymmetricKey
    public let keyID: String

    public init(keyID: String, key: Data) {
        self.keyID = keyID
        self.key = SymmetricKey(data: key)
    }

    public func digest(_ message: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key)
        return Data(mac).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    public func digests(for identity: YoungPersonIdentity) -> [String] {
        KnownElsewhereIdentifiers.messages(for: identity).map(digest)
    }
}
