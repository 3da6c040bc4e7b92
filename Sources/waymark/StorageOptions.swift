import ArgumentParser
import Foundation
import Logging
import WaymarkApp
import WaymarkStore

/// Where the data is: options shared by every command that opens the database.
/// Flags win over the environment (WAYMARK_DATABASE, WAYMARK_DATA_DIR), which wins over defaults.
struct StorageOptions: ParsableArguments {
    @Option(help: "A postgres:// URL; without it Waymark uses an SQLite file in the data directory. (env: WAYMARK_DATABASE)")
    var database: String?

    @Option(help: "Directory for the embedded database. (env: WAYMARK_DATA_DIR, default: ./data)")
    var dataDir: String?

    func installation() throws -> Installation {
        let environment = ProcessInfo.processInfo.environment
        return try Installation(
            databaseURL: database ?? environment["WAYMARK_DATABASE"],
            dataDirectory: dataDir ?? environment["WAYMARK_DATA_DIR"] ?? "data")
    }
}

extension StorageOptions {
    /// Opens the store, runs `body`, and closes the store whether or not `body` threw.
    func withStore<R>(logger: Logger, _ body: (Store) async throws -> R) async throws -> R {
        let store = try await installation().open(logger: logger)
        do {
            let result = try await body(store)
            try await store.database.close()
            return result
        } catch {
            try? await store.database.close()
            throw error
        }
    }
}

enum CommandLogging {
    /// Logs go to standard error; they carry record IDs, never names, birth dates or addresses.
    static func logger(_ label: String, level: Logger.Level = .info) -> Logger {
        var logger = Logger(label: "waymark.\(label)")
        logger.logLevel = level
        return logger
    }
}

extension StorageOptions {
    /// Where a bench runs: the database or data directory given, or, when it loads a
    /// synthetic LA and no database was named, a fresh SQLite file in a temporary
    /// directory that the caller removes (the second value).
    func benchInstallation(loadingPeople: Bool, label: String) throws -> (Installation, temporary: String?) {
        guard loadingPeople, database == nil else { return (try installation(), nil) }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-bench-\(label)-\(UUID().uuidString)").path
        return (try Installation(databaseURL: nil, dataDirectory: temporary), temporary)
    }
}
