public import Foundation
public import WaymarkCore
public import WaymarkRecords
import WaymarkStore

/// A signed-in user as every request sees them: the grant their session
/// gives, and the CSRF token their forms must carry.
public struct SignedInSession: Sendable {
    public let grant: AccessGrant
    public let csrfToken: String

    public var user: StoredUser { grant.user }
}

/// What a sign-in came to.
public enum SignInOutcome: Sendable, Equatable {
    /// Too many recent failures for the account or the client: nothing was checked.
    case throttled(retryAfter: TimeInterval)
    /// Wrong address or password, or a disabled account; `userID` only for the log.
    case refused(userID: Int64?)
    /// A session now exists for the token hash given.
    case signedIn(StoredUser)
}

/// What a change of one's own password came to.
public enum OwnPasswordChange: Sendable, Equatable {
    case throttled
    case refused(PasswordChangeProblem)
    case changed
}

/// Signing in and out, the session behind each request, and changing one's
/// own password. Every password check passes the throttle first (per account
/// and per client, checked and recorded in one transaction).
public struct SignInDesk: Sendable {
    let store: Store
    let laCode: LocalAuthorityCode
    let policy: SignInThrottlePolicy
    let hasher: PasswordHasher
    let cost: UInt8

    init(store: Store, laCode: LocalAuthorityCode, policy: SignInThrottlePolicy, hasher: PasswordHasher, cost: UInt8) {
        self.store = store
        self.laCode = laCode
        self.policy = policy
        self.hasher = hasher
        self.cost = cost
    }

    /// The live session for a token hash: unknown, expired or disabled leave the request signed out.
    public func session(tokenHash: String, now: Date) async throws -> SignedInSession? {
        // The session, its user and their organisation in one read: every request pays for it.
        guard let (session, user, organisation) = try await SessionStore(store: store).signedIn(tokenHash: tokenHash, now: now),
            !user.disabled
        else { return nil }
        let scope = AccessPolicy.scope(for: organisation, installationLA: laCode.code, on: CalendarDate.today(from: now))
        return SignedInSession(grant: AccessGrant(user: user, scope: scope), csrfToken: session.csrfToken)
    }

    /// Checks the password (after the throttle) and, when it is right, opens a
    /// session for the token hash the caller made (the caller keeps the token).
    public func signIn(
        email: String, password: String, clientAddress: String, sessionTokenHash: String, csrfToken: String, lifetime: TimeInterval, now: Date
    ) async throws -> SignInOutcome {
        let attempts = SignInAttempts(store: store, policy: policy)
        let attemptID: Int64
        switch try await attempts.admit(email: email, clientAddress: clientAddress, now: now) {
        case .throttled(let retryAfter): return .throttled(retryAfter: retryAfter)
        case .admitted(let id): attemptID = id
        }
        let user = try await UserQueries(store: store).user(email: email)
        let passwordMatches: Bool
        do {
            passwordMatches = try await hasher.verify(password, hash: user?.passwordHash)
        } catch let busy as PasswordHasherBusy {
            // The password was never checked, so the attempt must not count against anyone.
            try await attempts.withdraw(attemptID: attemptID)
            throw busy
        }
        guard let user, passwordMatches, !user.disabled else {
            try await attempts.recordOutcome(attemptID: attemptID, succeeded: false, userID: user?.id, now: now)
            return .refused(userID: user?.id)
        }
        try await attempts.recordOutcome(attemptID: attemptID, succeeded: true, userID: user.id, now: now)
        try await SessionStore(store: store).create(tokenHash: sessionTokenHash, userID: user.id, csrfToken: csrfToken, now: now, lifetime: lifetime)
        return .signedIn(user)
    }

    public func signOut(tokenHash: String, userID: Int64, now: Date) async throws {
        try await SessionStore(store: store).delete(tokenHash: tokenHash, userID: userID, now: now)
    }

    /// Changes the signed-in user's own password. The current password is a
    /// guess like any other: a borrowed session must not make it a free oracle.
    public func changeOwnPassword(
        _ session: SignedInSession, current: String, new: String, confirmation: String, keepingSession tokenHash: String?,
        clientAddress: String, now: Date
    ) async throws -> OwnPasswordChange {
        let user = session.user
        guard current.utf8.count <= SignInThrottlePolicy.maxPasswordBytes else { return .refused(.currentWrong) }
        let attempts = SignInAttempts(store: store, policy: policy)
        guard case .admitted(let attemptID) = try await attempts.admit(email: user.email, clientAddress: clientAddress, now: now) else {
            return .throttled
        }
        let problem: PasswordChangeProblem?
        do {
            problem = try await PasswordChanges(store: store, cost: cost, hasher: hasher).change(
                user: user, current: current, new: new, confirmation: confirmation, keepingSession: tokenHash, at: now)
        } catch {
            try await attempts.withdraw(attemptID: attemptID)
            throw error
        }
        guard let problem else {
            try await attempts.recordOutcome(attemptID: attemptID, succeeded: true, userID: user.id, now: now)
            return .changed
        }
        if problem == .currentWrong {
            try await attempts.recordOutcome(attemptID: attemptID, succeeded: false, userID: user.id, now: now)
        } else {
            // Nothing was guessed: the form was incomplete before any password was checked.
            try await attempts.withdraw(attemptID: attemptID)
        }
        return .refused(problem)
    }
}
