import Foundation
public import WaymarkRecords

/// A call the API let through: the client, and the grant every use case is
/// called with (the client's account, role and organisation's scope).
public struct APIAccess: Sendable {
    public let client: StoredAPIClient
    public let grant: AccessGrant

    public func has(_ scope: APIScope) -> Bool { client.scopes.contains(scope) }
}

/// Whether a client may make another call this minute.
public enum APIAdmission: Sendable, Equatable {
    case admitted
    /// Over its limit: try again after this many seconds.
    case limited(retryAfter: Int)
}

/// A client just issued, with its token: the only time the token is seen.
public struct IssuedAPIClient: Sendable {
    public let client: StoredAPIClient
    public let token: String
}

/// Why a client could not be issued, naming the field at fault.
public struct APIClientProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: String
    public let message: String

    public var description: String { message }
}
