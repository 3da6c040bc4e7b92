public import Foundation
public import WaymarkStore
import WaymarkRecords

/// Saves a form's work once per one-time token: a repeat of the same token by
/// the same person (Back then Save, a double click) is sent where the first
/// went, and nothing is saved twice. A missing or malformed token (an old
/// page, a script) is saved as before.
public struct RepeatGuard: Sendable {
    let submissions: FormSubmissions
    /// Tokens are kept this long; a form left open longer is a new submission.
    public static let keep: TimeInterval = 7 * 24 * 3600

    public init(store: Store) {
        submissions = FormSubmissions(store: store)
    }

    /// Runs `save` unless this person has sent `token` before, and returns the page to show: the one
    /// `save` returns, or for a repeat the first submission's (`fallback` while that one is still saving).
    /// A thrown error frees the token, so the corrected form can be sent again.
    public func once(
        _ token: String?, for grant: AccessGrant, at now: Date, fallback: String, save: () async throws -> String
    ) async throws -> String {
        guard let token, Self.isWellFormed(token) else { return try await save() }
        switch try await submissions.claim(token, userID: grant.user.id, at: now) {
        case .repeated(let outcome):
            return outcome ?? fallback
        case .first:
            do {
                let outcome = try await save()
                try await submissions.finish(token, outcome: outcome)
                if Int.random(in: 0..<200) == 0 { try? await submissions.prune(before: now.addingTimeInterval(-Self.keep)) }
                return outcome
            } catch {
                try? await submissions.release(token)
                throw error
            }
        }
    }

    public static func isWellFormed(_ token: String) -> Bool {
        (16...64).contains(token.utf8.count) && token.utf8.allSatisfy { $0.isASCIIAlnum || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }
}

private extension UInt8 {
    var isASCIIAlnum: Bool { (48...57).contains(self) || (65...90).contains(self) || (97...122).contains(self) }
}
