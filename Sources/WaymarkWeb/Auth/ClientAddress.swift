import Foundation
import HTTPTypes
import Hummingbird

/// The address the sign-in throttle counts a client by.
enum ClientAddress {
    /// The connection's peer, or, behind a trusted proxy, the last address in
    /// X-Forwarded-For (the one that proxy appended; earlier ones are the client's own claim).
    static func of(_ request: Request, context: some RemoteAddressRequestContext, trustForwardedFor: Bool) -> String {
        if trustForwardedFor, let forwarded = request.headers[values: .xForwardedFor].last,
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        {
            return String(last.prefix(64))
        }
        return context.remoteAddress?.ipAddress ?? "unknown"
    }
}

extension HTTPField.Name {
    // A valid token: the initialiser only refuses malformed names.
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
