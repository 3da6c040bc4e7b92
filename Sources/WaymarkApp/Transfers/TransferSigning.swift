import Crypto
public import Foundation
public import WaymarkCore
import WaymarkFormats
public import WaymarkRecords
public import WaymarkStore

/// The installation's Ed25519 key for signing transfer packages, and the
/// check of a received package against the sending LA's keys.
///
/// Key handling: the private key is 32 random bytes made on first use and
/// kept in `installation_secret` (name `transfer-signing-ed25519`), shared by
/// every server of the installation and never shown; only the public key
/// leaves (`waymark transfer keys show`), given to neighbour LAs out of band
/// (their data manager adds it with `waymark transfer keys add`, checking
/// the key id by phone). A key id is the LA code and the first 8 bytes of
/// the public key's SHA-256, so a package names which key signed it and a
/// rotated key can be told apart. Ed25519 rather than HMAC: a receiver can
/// check a package without being able to forge one.
public struct TransferSigning: Sendable {
    let store: Store
    let laCode: LocalAuthorityCode
    static let secretName = "transfer-signing-ed25519"

    public init(store: Store, laCode: LocalAuthorityCode) {
        self.store = store
        self.laCode = laCode
    }

    func privateKey(at now: Date) async throws -> Curve25519.Signing.PrivateKey {
        let seed = try await InstallationSecrets(store: store).secret(named: Self.secretName, now: now)
        return try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
    }

    /// This installation's public key, as a neighbour LA adds it to their keyring.
    public func publicKey(at now: Date) async throws -> PeerKey {
        let key = try await privateKey(at: now).publicKey.rawRepresentation
        return PeerKey(laCode: laCode.code, keyID: Self.keyID(la: laCode.code, publicKey: key), publicKey: key.base64EncodedString())
    }

    func sign(_ payload: Data, at now: Date) async throws -> (keyID: String, signature: Data) {
        let key = try await privateKey(at: now)
        return (Self.keyID(la: laCode.code, publicKey: key.publicKey.rawRepresentation), try key.signature(for: payload))
    }

    static func keyID(la: String, publicKey: Data) -> String {
        la + "-" + SHA256.hash(data: publicKey).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `envelope` was signed by a key the keyring holds for its sender.
    static func verify(_ envelope: TransferEnvelope, against keys: [PeerKey]) -> Bool {
        guard let key = keys.first(where: { $0.keyID == envelope.keyID }), let raw = Data(base64Encoded: key.publicKey),
              let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
        return publicKey.isValidSignature(envelope.signature, for: envelope.payload)
    }

    /// A neighbour's key as typed or pasted: base64 of 32 bytes, its id made here.
    public static func peerKey(la: LocalAuthorityCode, base64 text: String) throws -> PeerKey {
        guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), raw.count == 32,
              (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil else {
            throw Refusal.invalid("public key: an Ed25519 public key is 32 bytes written as base64 (from waymark transfer keys show)")
        }
        return PeerKey(laCode: la.code, keyID: keyID(la: la.code, publicKey: raw), publicKey: raw.base64EncodedString())
    }
}
