import WaymarkApp
import WaymarkRecords

/// The client a request was let through for, for the generated handlers,
/// which are called with the operation's input only (the transport has no
/// room for our context). Set by ``APIClientMiddleware`` around each call.
enum APIRequest {
    @TaskLocal static var access: APIAccess?

    /// The caller's access with the scope the operation needs, or the problem to answer.
    static func require(_ scope: APIScope) throws -> APIAccess {
        guard let access else { throw APIProblem.unauthorised }
        guard access.has(scope) else { throw APIProblem.missingScope(scope.rawValue) }
        return access
    }

    /// The caller's access, whatever its scopes.
    static func client() throws -> APIAccess {
        guard let access else { throw APIProblem.unauthorised }
        return access
    }
}
