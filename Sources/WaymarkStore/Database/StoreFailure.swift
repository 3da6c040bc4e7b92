import AsyncKit
import NIOCore
import PostgresNIO
import SQLiteNIO

/// A failure of the database itself rather than of what was asked of it:
/// the page says so plainly (503, try again) instead of "something went
/// wrong", and nothing was half-written because every change is one transaction.
public enum StoreFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// SQLite could not grow its file (the disk, or a quota, is full).
    case diskFull
    /// PostgreSQL is restarting, unreachable, or closed the connection.
    case unreachable
    /// Every connection stayed in use for longer than a request may wait.
    case busy

    /// Classifies an error thrown by a query or a transaction; nil when it is not the database's own.
    public init?(_ error: any Error) {
        if let failure = error as? StoreFailure {
            self = failure
        } else if let sqlite = error as? SQLiteError {
            guard sqlite.reason == .full else { return nil }
            self = .diskFull
        } else if let postgres = error as? PSQLError {
            switch postgres.code {
            case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown, .poolClosed:
                self = .unreachable
            case .server:
                // Class 08 is "connection exception"; 57P01–57P03 are the server shutting down or starting up.
                let state = postgres.serverInfo?[.sqlState] ?? ""
                guard state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state) else { return nil }
                self = .unreachable
            default:
                return nil
            }
        } else if error is ConnectionPoolTimeoutError {
            self = .busy
        } else if error is ConnectionPoolError || error is ChannelError || error is NIOConnectionError || error is IOError {
            self = .unreachable
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .diskFull: "The database's disk is full, so nothing was saved. Ask your administrator to free space, then try again."
        case .unreachable: "The database is not answering just now (it may be restarting). Nothing was half-saved, but if you were saving something, look for it before you save it again: it may have been saved just as the database stopped. Try again in a minute."
        case .busy: "Waymark is very busy just now. Nothing was half-saved; try again in a moment."
        }
    }
}
