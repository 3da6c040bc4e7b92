import WaymarkStore

/// What `/health` asks: does the database answer? A balancer stops sending
/// traffic to a server whose database does not.
public struct HealthCheck: Sendable {
    let store: Store

    init(store: Store) {
        self.store = store
    }

    /// The engine's name ("sqlite", "postgres") when the database answers; throws when it does not.
    public func databaseEngine() async throws -> String {
        try await store.ping()
        return store.database.engine.rawValue
    }
}

/// A failure of the database itself rather than of what was asked of it,
/// in words for the page (503, try again): nothing was half-written,
/// because every change is one transaction.
public struct DatabaseUnavailable: Error, Sendable, CustomStringConvertible {
    public let description: String
    /// A short name for the log: "disk-full", "unreachable", "busy".
    public let kind: String

    /// Nil when the error is not the database's own.
    public init?(_ error: any Error) {
        guard let failure = StoreFailure(error) else { return nil }
        description = failure.description
        kind = switch failure {
        case .diskFull: "disk-full"
        case .unreachable: "unreachable"
        case .busy: "busy"
        }
    }
}
