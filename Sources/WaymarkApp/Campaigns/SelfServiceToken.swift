import Crypto
public import Foundation

/// The personal link in a campaign message: who it is for, which attempt it
/// came with (the campaign member, so letters work like texts), and until
/// when it works, signed with the installation's key.
/// It carries ids only; the page behind it shows nothing already on the record.
public struct SelfServiceToken: Sendable, Equatable {
    public let personID: Int64
    public let campaignMemberID: Int64
    public let expiresAt: Date

    public init(personID: Int64, campaignMemberID: Int64, expiresAt: Date) {
        self.personID = personID
        self.campaignMemberID = campaignMemberID
        self.expiresAt = expiresAt
    }
}

/// Signs and checks ``SelfServiceToken``s with HMAC-SHA256. The random
/// nonce makes every link different even for the same person and message, so
/// one cannot be derived from another.
public struct SelfServiceTokenSigner: Sendable {
    let key: SymmetricKey

    /// `secret` is the installation's signing key: at least 32 random bytes.
    public init(secret: Data) {
        key = SymmetricKey(data: secret)
    }

    public func sign(_ token: SelfServiceToken) -> String {
        var nonce = [UInt8](repeating: 0, count: 9)
        for index in nonce.indices { nonce[index] = UInt8.random(in: 0...255) }
        let payload = "\(token.personID).\(token.campaignMemberID).\(Int64(token.expiresAt.timeIntervalSince1970)).\(Self.base64URL(Data(nonce)))"
        return payload + "." + Self.base64URL(Data(HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: key)))
    }

    public func verify(_ text: String, now: Date) throws(SelfServiceTokenError) -> SelfServiceToken {
        let parsed = try SelfServiceTokenText(parsing: text)
        guard HMAC<SHA256>.isValidAuthenticationCode(parsed.signature, authenticating: Data(parsed.payload.utf8), using: key) else {
            throw .badSignature
        }
        let expiresAt = Date(timeIntervalSince1970: TimeInterval(parsed.expiry))
        guard now < expiresAt else { throw .expired }
        return SelfServiceToken(personID: parsed.personID, campaignMemberID: parsed.campaignMemberID, expiresAt: expiresAt)
    }

    static func base64URL(_ data: Data) -> String {
        SelfServiceTokenText.base64URL(data)
    }
}
