/// Where the data lives: an embedded SQLite file (the default), an in-memory
/// SQLite database (tests), or a PostgreSQL server (scale).
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteMemory
    /// `schema` isolates one installation (or one test) inside a shared database.
    case postgres(url: String, schema: String? = nil)

    /// Reads `postgres://…` or `postgresql://…` as PostgreSQL, `sqlite:PATH` or a
    /// plain path as an SQLite file, and `:memory:` as in-memory SQLite.
    public init(parsing text: String) {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else if text == ":memory:" {
            self = .sqliteMemory
        } else if text.hasPrefix("sqlite:") {
            self = .sqliteFile(path: String(text.dropFirst("sqlite:".count)))
        } else {
            self = .sqliteFile(path: text)
        }
    }

    public var engine: DatabaseEngine {
        if case .postgres = self { return .postgres }
        return .sqlite
    }

    /// Safe to log: a PostgreSQL password is never shown.
    public var description: String {
        switch self {
        case .sqliteFile(let path): "SQLite file \(path)"
        case .sqliteMemory: "in-memory SQLite"
        case .postgres(let url, _):
            if let at = url.lastIndex(of: "@") { "PostgreSQL \(url[url.index(after: at)...])" } else { "PostgreSQL" }
        }
    }
}

/// The two engines Waymark runs on.
public enum DatabaseEngine: String, Sendable, CaseIterable {
    case sqlite
    case postgres
}
