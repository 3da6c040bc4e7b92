import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging
import WaymarkStore

/// The `waymark` executable built beside the tests, run as a server on a data
/// directory of its own, and stopped the hard way when a drill says so.
final class WaymarkProcess: @unchecked Sendable {
    let process: Process
    let log: URL

    private init(process: Process, log: URL) {
        self.process = process
        self.log = log
    }

    /// `WAYMARK_EXECUTABLE`, or `waymark` in the build directory the test bundle runs from.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["WAYMARK_EXECUTABLE"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("waymark")
    }

    /// `waymark serve` on `dataDirectory` (its SQLite file and returns), on a port of the system's choosing.
    static func serve(dataDirectory: String, arguments: [String] = [], environment: [String: String] = [:], log: URL) throws -> WaymarkProcess {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else { throw DrillError.noExecutable(executable.path) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--data-dir", dataDirectory, "--port", "0"] + arguments
        // The drill's database is its own SQLite file: nothing in the test run's environment may point the server elsewhere.
        var inherited = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("WAYMARK_") }
        inherited.merge(environment) { $1 }
        process.environment = inherited
        if !FileManager.default.fileExists(atPath: log.path) { _ = FileManager.default.createFile(atPath: log.path, contents: nil) }
        let output = try FileHandle(forWritingTo: log)
        try output.seekToEnd()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        return WaymarkProcess(process: process, log: log)
    }

    var pid: Int32 { process.processIdentifier }

    /// SIGKILL: the process gets no chance to finish a write, roll back, close a file or say goodbye.
    func kill() {
        _ = Glibc.kill(pid, SIGKILL)
        waitForExit()
    }

    /// SIGSTOP: frozen where it is, so what it has done so far can be looked at before it is killed.
    func freeze() {
        _ = Glibc.kill(pid, SIGSTOP)
    }

    /// SIGTERM, then SIGKILL if it is still there after ten seconds.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<200 where process.isRunning { usleep(50_000) }
        if process.isRunning { kill() }
    }

    /// The end of the server's log, for a failure message.
    var logTail: String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }

    private func waitForExit() {
        // Not `waitUntilExit`: on Linux it spins on the run loop.
        for _ in 0..<1_000 where process.isRunning { usleep(10_000) }
    }
}

enum DrillError: Error, CustomStringConvertible {
    case noExecutable(String)
    case timedOut(String, log: String)

    var description: String {
        switch self {
        case .noExecutable(let path): "no waymark executable at \(path): build it first (swift build), or set WAYMARK_EXECUTABLE"
        case .timedOut(let what, let log): "timed out waiting for \(what); the server's log ends:\n\(log)"
        }
    }
}

/// A drill's own data directory with its SQLite file, opened by the test between the server's runs.
struct DrillDirectory {
    let root: URL
    var data: String { root.appendingPathComponent("data").path }
    var returns: String { root.appendingPathComponent("data/returns").path }
    var database: String { root.appendingPathComponent("data/waymark.sqlite").path }
    var log: URL { root.appendingPathComponent("server.log") }

    static func make() throws -> DrillDirectory {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-drill-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
        return DrillDirectory(root: root)
    }

    /// Opens the drill's database, runs `body`, closes it.
    func withStore<R: Sendable>(_ body: (Store) async throws -> R) async throws -> R {
        var logger = Logger(label: "waymark.drill")
        logger.logLevel = .warning
        let database = try await StoreDatabase.open(.sqliteFile(path: database), logger: logger)
        do {
            let result = try await body(Store(database: database))
            try await database.close()
            return result
        } catch {
            try? await database.close()
            throw error
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// Waits (boundedly: a loaded machine starts a debug server slowly) for what a server does on its own time.
func until(_ what: String, server: WaymarkProcess, seconds: Int = 300, poll: Duration = .milliseconds(20),
           _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        if !server.process.isRunning { break }
        try await Task.sleep(for: poll)
    }
    throw DrillError.timedOut(what, log: server.logTail)
}
