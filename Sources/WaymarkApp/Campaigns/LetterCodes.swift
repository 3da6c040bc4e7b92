import Crypto
public import Foundation
public import WaymarkCore
public import WaymarkStore

/// What typing (or scanning) a letter's code came to. A wrong code and an
/// expired one read the same, so a guess learns nothing.
public enum LetterCodeOutcome: Sendable, Equatable {
    /// The self-service page to send the visitor to: "/s/<token>".
    case open(path: String)
    /// Not shaped like a code; nothing was looked up or counted.
    case unreadable(LetterCodeProblem)
    case notRecognised
    /// Too many wrong codes from this client lately.
    case throttled(retryAfter: TimeInterval)
}

/// The short codes on printed letters: made when the letters are printed,
/// each standing for the same person, attempt and expiry as the long link
/// beside it; kept only as a keyed hash; looked up behind the sign-in
/// throttle, which counts wrong codes per client.
public struct LetterCodes: Sendable {
    public static let secretName = "letter-code-hashing"
    /// Throttle keys for codes are kept apart from e-mail addresses and sign-in clients.
    static let throttlePrefix = "letter-code "

    let store: Store
    let links: SelfServiceLinks
    let policy: SignInThrottlePolicy

    public init(store: Store, links: SelfServiceLinks, policy: SignInThrottlePolicy) {
        self.store = store
        self.links = links
        self.policy = policy
    }

    /// "https://host/c/ABCDEFGH": what the QR code on the letter holds.
    public func shortURL(_ code: LetterCode) -> String { links.baseURL + "/c/" + code.compact }

    /// "host/code": where the letter says to type the code, without the scheme nobody types.
    public var typingPage: String {
        let host = links.baseURL.replacingOccurrences(of: "https://", with: "").replacingOccurrences(of: "http://", with: "")
        return host + "/code"
    }

    /// New codes for these campaign members, recorded before they are printed.
    func issue(forMembers memberIDs: [Int64], expiresAt: Date, now: Date) async throws -> [Int64: LetterCode] {
        let key = try await hashingKey(now: now)
        var generator = SystemRandomNumberGenerator()
        let codes = Dictionary(uniqueKeysWithValues: memberIDs.map { ($0, LetterCode.random(using: &generator)) })
        try await LetterCodeStore(store: store).record(
            codes.map { (codeHash: Self.hash($0.value, key: key), campaignMemberID: $0.key, expiresAt: expiresAt) }, now: now)
        return codes
    }

    /// Reads a typed or scanned code and, if it is live, the page it opens.
    public func open(typed text: String, clientAddress: String, now: Date) async throws -> LetterCodeOutcome {
        let code: LetterCode
        do throws(LetterCodeProblem) {
            code = try LetterCode(typed: text)
        } catch {
            return .unreadable(error)
        }
        let attempts = SignInAttempts(store: store, policy: policy)
        let throttleKey = Self.throttlePrefix + clientAddress
        let attemptID: Int64
        switch try await attempts.admit(email: throttleKey, clientAddress: throttleKey, now: now) {
        case .throttled(let retryAfter): return .throttled(retryAfter: retryAfter)
        case .admitted(let id): attemptID = id
        }
        let key = try await hashingKey(now: now)
        // The admitted attempt stays counted as a failure unless the code is good.
        guard let target = try await LetterCodeStore(store: store).target(codeHash: Self.hash(code, key: key), now: now) else {
            return .notRecognised
        }
        try await attempts.recordOutcome(attemptID: attemptID, succeeded: true, userID: nil, now: now)
        let token = SelfServiceToken(personID: target.personID, campaignMemberID: target.campaignMemberID, expiresAt: target.expiresAt)
        return .open(path: "/s/" + (try await links.signer(now: now)).sign(token))
    }

    private func hashingKey(now: Date) async throws -> SymmetricKey {
        SymmetricKey(data: try await InstallationSecrets(store: store).secret(named: Self.secretName, now: now))
    }

    static func hash(_ code: LetterCode, key: SymmetricKey) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(code.compact.utf8), using: key).map { String(format: "%02x", $0) }.joined()
    }
}
