import Foundation

/// A personal link's token split into its parts before anything is trusted:
/// "person.member.expiry.nonce.signature", the signature being base64url.
/// Foundation only, apart from the signing, so that what a stranger can put
/// in a link is fuzzed on its own.
struct SelfServiceTokenText: Equatable {
    /// A signed token is about 90 characters; anything much longer was not made here.
    static let maxLength = 200

    let personID: Int64
    let campaignMemberID: Int64
    let expiry: Int64
    /// What the signature covers: the first four parts, as written.
    let payload: String
    let signature: Data

    init(parsing text: String) throws(SelfServiceTokenError) {
        // Bytes, not characters: one character can carry thousands of combining marks.
        guard text.utf8.count <= Self.maxLength else { throw .malformed }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 5, let personID = Int64(parts[0]), let campaignMemberID = Int64(parts[1]), let expiry = Int64(parts[2]),
            let signature = Self.data(base64URL: String(parts[4]))
        else { throw .malformed }
        self.personID = personID
        self.campaignMemberID = campaignMemberID
        self.expiry = expiry
        self.payload = parts[0...3].joined(separator: ".")
        self.signature = signature
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func data(base64URL text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}

/// Why a link was refused. The page says only "this link has expired or is
/// not valid"; the reason goes to the log with no personal data.
public enum SelfServiceTokenError: Error, Equatable {
    case malformed
    case badSignature
    case expired
}
