import Crypto
import Foundation

/// The hash chain over the audit trail: each event's hash covers the previous
/// event's hash and its own content, so changing, removing or slipping in a
/// row breaks every link after it.
enum AuditChain {
    /// What the first event links to.
    static let genesis = String(repeating: "0", count: 64)

    /// The hex SHA-256 of the previous hash and the event's canonical content.
    static func link(after previousHash: String, _ event: AuditEventContent) -> String {
        let digest = SHA256.hash(data: Data((previousHash + "\n" + event.canonical).utf8))
        return hex(digest)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    // String(format:) per byte made verifying a long trail several times slower.
    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// The newest event of the chain: the one the next event links to.
struct AuditChainHead: Sendable, Equatable {
    var id: Int64
    var hash: String

    static let empty = AuditChainHead(id: 0, hash: AuditChain.genesis)
}
