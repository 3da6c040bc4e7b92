public import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real servers the sending tests talk to: `scripts/local-smtp-server.py`
/// and `scripts/local-sms-gateway.py`, started with python3 on a free port
/// (each picks its own and says so) and stopped when the test ends.
public enum LocalServers {
    /// `scripts/` at the top of the checkout.
    public static let scripts = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts")

    /// `hangAfter`: the message after that many is kept but never answered (see the script).
    public static func withSMTPServer<R: Sendable>(
        user: String? = nil, password: String? = nil, hangAfter: Int? = nil, _ body: (LocalSMTPServer) async throws -> R
    ) async throws -> R {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-smtp-" + UUID().uuidString)
        var arguments = ["--dir", directory.path]
        if let user, let password { arguments += ["--user", user, "--password", password] }
        if let hangAfter { arguments += ["--hang-after", String(hangAfter)] }
        let process = try await LocalServerProcess.start(script: "local-smtp-server.py", arguments: arguments)
        defer {
            process.stop()
            try? FileManager.default.removeItem(at: directory)
        }
        return try await body(LocalSMTPServer(port: process.port, directory: directory))
    }

    /// `hangAfter`: the message after that many is accepted but never answered (see the script).
    public static func withSMSGateway<R: Sendable>(
        token: String, inboundURL: String? = nil, hangAfter: Int? = nil, _ body: (LocalSMSGateway) async throws -> R
    ) async throws -> R {
        var arguments = ["--token", token]
        if let inboundURL { arguments += ["--inbound-url", inboundURL] }
        if let hangAfter { arguments += ["--hang-after", String(hangAfter)] }
        let process = try await LocalServerProcess.start(script: "local-sms-gateway.py", arguments: arguments)
        defer { process.stop() }
        return try await body(LocalSMSGateway(port: process.port))
    }
}

/// A python3 script run as a server: started, asked for its port, terminated.
public final class LocalServerProcess: @unchecked Sendable {
    public let port: Int
    private let process: Process

    private init(port: Int, process: Process) {
        self.port = port
        self.process = process
    }

    public static func start(script: String, arguments: [String]) async throws -> LocalServerProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", LocalServers.scripts.appendingPathComponent(script).path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        // A script that never says "ready" is stopped, which ends the read below.
        let watchdog = Task {
            try await Task.sleep(for: .seconds(20))
            process.terminate()
        }
        let handle = output.fileHandleForReading
        let firstLine: String = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var collected = Data()
                while !collected.contains(UInt8(ascii: "\n")) {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    collected.append(chunk)
                }
                continuation.resume(returning: String(decoding: collected, as: UTF8.self))
            }
        }
        watchdog.cancel()
        guard firstLine.hasPrefix("ready port="),
              let port = Int(firstLine.dropFirst("ready port=".count).trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            if process.isRunning { process.terminate() }
            throw LocalServerError.notReady(script: script, said: firstLine)
        }
        return LocalServerProcess(port: port, process: process)
    }

    /// SIGTERM, then SIGKILL if it is still there after two seconds. (Not
    /// `waitUntilExit`: on Linux it spins on the run loop.)
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<40 where process.isRunning { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

public enum LocalServerError: Error, CustomStringConvertible {
    case notReady(script: String, said: String)
    case timedOut(String)

    public var description: String {
        switch self {
        case .notReady(let script, let said): "\(script) did not start (is python3 on the PATH?); it said: \(said)"
        case .timedOut(let what): "timed out waiting for \(what)"
        }
    }
}

/// What the local SMTP server received, one JSON file per message.
public struct LocalSMTPServer: Sendable {
    public let port: Int
    public let directory: URL

    public struct Mail: Decodable, Sendable {
        public let mail_from: String
        public let rcpt_to: [String]
        public let data: String
        public let auth_user: String?
    }

    public func received() throws -> [Mail] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            try JSONDecoder().decode(Mail.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
        }
    }
}

/// The local SMS gateway's view of what it was asked to send.
public struct LocalSMSGateway: Sendable {
    public let port: Int
    public var url: URL { URL(string: "http://127.0.0.1:\(port)/messages")! }

    public struct Message: Decodable, Sendable {
        public struct Report: Decodable, Sendable {
            public let status: String
            /// The HTTP status Waymark answered the delivery report with.
            public let answer: Int
        }

        public let idempotency_key: String
        public let reference: String
        public let to: String
        public let body: String
        /// How often Waymark posted this key.
        public let requests: Int
        /// How often it went to the phone: once, however often it was posted.
        public let deliveries: Int
        public let report: Report?
    }

    struct Listing: Decodable {
        let messages: [Message]
    }

    public func messages() async throws -> [Message] {
        let (data, _) = try await Self.http(URLRequest(url: url))
        return try JSONDecoder().decode(Listing.self, from: data).messages
    }

    /// Waits until every message's delivery report has been answered 2xx by Waymark.
    public func waitForReports(count: Int, timeout: Duration = .seconds(10)) async throws -> [Message] {
        let deadline = ContinuousClock.now + timeout
        var all: [Message] = []
        while ContinuousClock.now < deadline {
            all = try await messages()
            if all.filter({ $0.report.map { (200..<300).contains($0.answer) } ?? false }).count >= count { return all }
            try await Task.sleep(for: .milliseconds(50))
        }
        // What Waymark last answered each report, so a failure says why.
        let answers = all.map { "\($0.reference): \($0.report.map { "\($0.status) answered \($0.answer)" } ?? "no report yet")" }
        throw LocalServerError.timedOut("\(count) delivery reports (\(answers.joined(separator: "; ")))")
    }

    /// Makes the gateway post a reply from `from` to Waymark's inbound webhook; returns Waymark's answer.
    public func simulateReply(from: String, text: String, reference: String?, inboundURL: String? = nil) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/simulate-reply")!)
        request.httpMethod = "POST"
        var payload: [String: String] = ["from": from, "text": text]
        if let reference { payload["reference"] = reference }
        if let inboundURL { payload["inbound_url"] = inboundURL }
        request.httpBody = try JSONEncoder().encode(payload)
        let (data, _) = try await Self.http(request)
        struct Answer: Decodable {
            let status: Int
            let body: String
        }
        let answer = try JSONDecoder().decode(Answer.self, from: data)
        return (answer.status, answer.body)
    }

    static func http(_ request: URLRequest) async throws -> (Data, Int) {
        try await withCheckedThrowingContinuation { continuation in
            URLSession.shared.dataTask(with: request) { data, response, error in
                if let error {
                    continuation.resume(throwing: error)
                } else {
                    continuation.resume(returning: (data ?? Data(), (response as? HTTPURLResponse)?.statusCode ?? 0))
                }
            }.resume()
        }
    }
}
