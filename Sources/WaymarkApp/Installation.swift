import Foundation
public import Logging
public import WaymarkStore

/// Where an installation keeps its data, and how to open it.
public struct Installation: Sendable {
    public let location: DatabaseLocation

    /// A `postgres://` URL wins; otherwise an SQLite file `waymark.sqlite` in the data directory (created if missing).
    public init(databaseURL: String?, dataDirectory: String) throws {
        if let url = databaseURL, !url.isEmpty {
            location = DatabaseLocation(parsing: url)
        } else {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
            let path = URL(fileURLWithPath: dataDirectory).appendingPathComponent("waymark.sqlite").path
            location = .sqliteFile(path: path)
        }
    }

    /// Opens the database and brings its schema up to date.
    public func open(logger: Logger) async throws -> Store {
        Store(database: try await StoreDatabase.open(location, logger: logger))
    }
}
