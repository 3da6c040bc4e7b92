public import Foundation
public import WaymarkCore

/// A transfer file as it travels: sender, receiver, the sender's key, the
/// package's exact bytes and the signature over them. The package inside is
/// read only after the signature is checked (WaymarkApp `TransferSignatures`).
public struct TransferEnvelope: Sendable, Equatable {
    public static let format = "waymark-transfer-envelope"
    public static let version = 1
    /// The one signature scheme a version-1 envelope may name.
    public static let algorithm = "ed25519"

    public var fromLA: LocalAuthorityCode
    public var toLA: LocalAuthorityCode
    public var keyID: String
    public var payload: Data
    public var signature: Data

    public init(fromLA: LocalAuthorityCode, toLA: LocalAuthorityCode, keyID: String, payload: Data, signature: Data) {
        self.fromLA = fromLA
        self.toLA = toLA
        self.keyID = keyID
        self.payload = payload
        self.signature = signature
    }
}
