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
        guard let id = parameters.get("id", as: Int64.self) else { throw HTTPError(.notFound, message: RecordNotFound().description) }
        return id
    }
}

/// Runs a use case, answering its refusals as pages do: an unknown or
/// out-of-scope record is a 404, a role that may not break the glass a 403
/// (``AccessDenied`` is answered by the error page middleware).
func answeringRefusals<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let missing as RecordNotFound {
        throw HTTPError(.notFound, message: missing.description)
    } catch let refused as BreakGlassRefused {
        switch refused {
        case .roleMayNot: throw HTTPError(.forbidden, message: refused.description)
        case .nothingWithheld: throw HTTPError(.conflict, message: refused.description)
        }
    }
}
