import Hummingbird
import WaymarkApp

extension WebContext {
    /// The access grant of the signed-in user if their role holds
    /// `permission`; otherwise a 403, or a redirect to sign in.
    func grant(_ permission: Permission) throws -> AccessGrant {
        let (user, scope) = try require(permission)
        return AccessGrant(user: user, scope: scope)
    }

    /// The `:id` of a record route; anything but a number is the same 404 as an unknown id.
    func personID() throws -> Int64 {
        guard let id = parameters.get("id", as: Int64.self) else { throw HTTPError(.notFound, message: AccessRefused.noSuchRecord.description) }
        return id
    }
}

extension AccessRefused {
    /// How a page answers a refusal: 403 for the role, 404 for a record out of scope.
    var httpError: HTTPError {
        switch self {
        case .notPermitted(let why): HTTPError(.forbidden, message: why)
        case .noSuchRecord: HTTPError(.notFound, message: description)
        }
    }
}

/// Runs a use case, answering its refusals as pages do.
func answeringRefusals<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let refused as AccessRefused {
        throw refused.httpError
    }
}
