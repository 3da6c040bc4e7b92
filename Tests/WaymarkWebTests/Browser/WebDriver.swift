import Foundation
import Hummingbird
import HummingbirdTesting

/// A small W3C WebDriver client: enough to drive Chromium through a journey
/// and take screenshots. chromedriver speaks plain HTTP and JSON.
struct WebDriver {
    let endpoint: URL
    let sessionID: String

    struct Failure: Error, CustomStringConvertible {
        let description: String

        var isTransient: Bool {
            description.hasPrefix("stale element reference") || description.hasPrefix("no such element")
        }
    }

    /// Starts a headless Chromium session (root needs --no-sandbox).
    static func start(endpoint: URL, width: Int = 1280, height: Int = 900) async throws -> WebDriver {
        var options: [String: Any] = ["args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=\(width),\(height)"]]
        if width < minimumWindowWidth {
            // A headless window is never narrower than 500 px; a phone's viewport is emulated instead.
            options["mobileEmulation"] = ["deviceMetrics": ["width": width, "height": height, "pixelRatio": 1]]
        }
        // WebDriver's default script time-out (30 s) is shorter than axe takes on a long page
        // while the whole suite shares two cores; a page load may wait on a busy server too.
        let timeouts = ["script": 300_000, "pageLoad": 300_000, "implicit": 0]
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": ["goog:chromeOptions": options, "timeouts": timeouts]]]
        let value = try await call(endpoint.appendingPathComponent("session"), method: "POST", body: capabilities)
        guard let session = (value as? [String: Any])?["sessionId"] as? String else { throw Failure(description: "no session id: \(value)") }
        return WebDriver(endpoint: endpoint, sessionID: session)
    }

    static let minimumWindowWidth = 500

    func quit() async {
        _ = try? await Self.call(sessionURL, method: "DELETE", body: nil)
    }

    func open(_ url: String) async throws {
        _ = try await Self.call(sessionURL.appendingPathComponent("url"), method: "POST", body: ["url": url])
    }

    func element(css selector: String) async throws -> String {
        let value = try await Self.call(
            sessionURL.appendingPathComponent("element"), method: "POST", body: ["using": "css selector", "value": selector])
        guard let element = (value as? [String: Any])?.values.first as? String else { throw Failure(description: "no such element:  \(selector)") }
        return element
    }

    func type(_ text: String, into selector: String) async throws {
        try await onElement(selector) { id in
            _ = try await Self.call(sessionURL.appendingPathComponent("element/\(id)/value"), method: "POST", body: ["text": text])
        }
    }

    func click(_ selector: String) async throws {
        try await onElement(selector) { id in
            _ = try await Self.call(sessionURL.appendingPathComponent("element/\(id)/click"), method: "POST", body: [:])
        }
    }

    /// Sets a field's value as a person picking from a date picker would (typing into
    /// `<input type=date>` depends on the browser's locale).
    func setValue(_ value: String, of selector: String) async throws {
        _ = try await element(css: selector)
        _ = try await Self.call(
            sessionURL.appendingPathComponent("execute/sync"), method: "POST",
            body: ["script": "document.querySelector(arguments[0]).value = arguments[1];", "args": [selector, value]])
    }

    /// Types a date into a date field's day, month and year boxes, replacing what they held.
    func enterDate(_ field: String, _ day: String, _ month: String, _ year: String) async throws {
        for (part, text) in [("day", day), ("month", month), ("year", year)] {
            try await setValue("", of: "#\(field)-\(part)")
            try await type(text, into: "#\(field)-\(part)")
        }
    }

    /// Runs a script in the page and returns its result (numbers, strings, booleans).
    func evaluate(_ script: String) async throws -> Any {
        try await Self.call(sessionURL.appendingPathComponent("execute/sync"), method: "POST", body: ["script": script, "args": []])
    }

    /// Runs a script that calls its last argument when done (a promise's result).
    func evaluateAsync(_ script: String) async throws -> Any {
        try await Self.call(sessionURL.appendingPathComponent("execute/async"), method: "POST", body: ["script": script, "args": []])
    }

    func text(of selector: String) async throws -> String {
        try await onElement(selector) { id in
            try await Self.call(sessionURL.appendingPathComponent("element/\(id)/text"), method: "GET", body: nil) as? String ?? ""
        }
    }

    /// Finds the element and acts on it, trying again for up to thirty seconds
    /// while the page is still being replaced by the previous navigation.
    private func onElement<T>(_ selector: String, _ action: (String) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await action(try await element(css: selector))
            } catch let failure as Failure where failure.isTransient && attempt < 300 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    /// Waits (up to thirty seconds: the whole suite shares two cores) for navigation
    /// to land on a path ending in `suffix`, since a click can return before the next page loads.
    func waitForURL(endingWith suffix: String) async throws -> String {
        var url = ""
        for _ in 0..<300 {
            url = try await currentURL()
            if url.hasSuffix(suffix) { return url }
            try await Task.sleep(for: .milliseconds(100))
        }
        return url
    }

    /// Waits (up to two minutes: a busy CI machine runs jobs slowly) for an element's text to contain `text`:
    /// pages showing a job's progress reload themselves until it is done.
    func waitForText(_ text: String, in selector: String) async throws -> String {
        var seen = ""
        for _ in 0..<1_200 {
            seen = (try? await self.text(of: selector)) ?? ""
            if seen.contains(text) { return seen }
            try await Task.sleep(for: .milliseconds(100))
        }
        return seen
    }

    func currentURL() async throws -> String {
        try await Self.call(sessionURL.appendingPathComponent("url"), method: "GET", body: nil) as? String ?? ""
    }

    /// Lays the page out as it prints ("print") or as on screen ("screen"), through
    /// chromedriver's DevTools passthrough: WebDriver itself has no such command.
    func emulateMedia(_ media: String) async throws {
        _ = try await Self.call(
            sessionURL.appendingPathComponent("goog/cdp/execute"), method: "POST",
            body: ["cmd": "Emulation.setEmulatedMedia", "params": ["media": media]])
    }

    /// Saves a PNG of the page, for a person to look at.
    func screenshot(to path: String) async throws {
        guard let base64 = try await Self.call(sessionURL.appendingPathComponent("screenshot"), method: "GET", body: nil) as? String,
            let data = Data(base64Encoded: base64)
        else { throw Failure(description: "no screenshot") }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// Whether chromedriver answers /status yet.
    static func status(_ endpoint: URL) async throws -> Bool {
        let value = try await call(endpoint.appendingPathComponent("status"), method: "GET", body: nil)
        return (value as? [String: Any])?["ready"] as? Bool ?? false
    }

    private var sessionURL: URL { endpoint.appendingPathComponent("session/\(sessionID)") }

    /// One WebDriver command. Foundation's URLSession spins on Linux inside
    /// the test process, so this uses Hummingbird's NIO test client instead.
    private static func call(_ url: URL, method: String, body: Any?) async throws -> Any {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let request = TestClient.Request(
            url.path, method: HTTPRequest.Method(rawValue: method) ?? .get, authority: "127.0.0.1:\(url.port ?? 80)",
            headers: payload == nil ? [:] : [.contentType: "application/json"],
            body: payload.map { ByteBuffer(bytes: $0) })
        let response = try await TestClient.withClient(
            host: "127.0.0.1", port: url.port ?? 80, configuration: .init(timeout: .seconds(60))
        ) { client in
            try await client.execute(request)
        }
        let bytes = response.body.map { Data($0.readableBytesView) } ?? Data()
        let json = try JSONSerialization.jsonObject(with: bytes) as? [String: Any]
        if let value = json?["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "\(error): \(value["message"] ?? "")")
        }
        return json?["value"] ?? NSNull()
    }
}

extension WebDriver {
    /// Starts chromedriver and a headless Chromium, runs `journey`, and
    /// always closes the browser and the driver afterwards.
    static func withBrowser(width: Int = 1280, height: Int = 900, _ journey: (WebDriver) async throws -> Void) async throws {
        await BrowserSlots.shared.acquire()
        do {
            try await inOwnBrowser(width: width, height: height, journey)
        } catch {
            await BrowserSlots.shared.release()
            throw error
        }
        await BrowserSlots.shared.release()
    }

    private static func inOwnBrowser(width: Int, height: Int, _ journey: (WebDriver) async throws -> Void) async throws {
        let driverProcess = try ChromeDriverProcess(port: DriverPorts.next())
        try await driverProcess.waitUntilReady()
        let browser = try await WebDriver.start(endpoint: driverProcess.endpoint, width: width, height: height)
        do {
            try await journey(browser)
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }
}

/// How many Chromiums may run at once. Every journey starting its own browser
/// beside the rest of the suite on two cores made pages and axe runs exceed
/// their time-outs in CI; journeys past the limit wait their turn.
actor BrowserSlots {
    static let shared = BrowserSlots(limit: Int(ProcessInfo.processInfo.environment["WAYMARK_TEST_BROWSERS"] ?? "") ?? 2)

    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    func acquire() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the slot straight to the next journey waiting, if any.
    func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

/// Runs chromedriver for the duration of a test, if it is installed.
final class ChromeDriverProcess {
    let process = Process()
    let port: Int

    static var executable: String? {
        ["/usr/bin/chromedriver", "/usr/local/bin/chromedriver"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init(port: Int) throws {
        guard let executable = Self.executable else { throw WebDriver.Failure(description: "chromedriver is not installed") }
        self.port = port
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--port=\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    var endpoint: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Waits until chromedriver answers /status.
    func waitUntilReady() async throws {
        for _ in 0..<50 {
            // A driver that could not bind its port has exited; another one answering there is not ours.
            guard process.isRunning else { throw WebDriver.Failure(description: "chromedriver exited (port \(port) taken?)") }
            if (try? await WebDriver.status(endpoint)) == true { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WebDriver.Failure(description: "chromedriver did not start")
    }

    /// Foundation's `waitUntilExit` busy-waits on a run loop that a test
    /// thread never runs, so this reaps the child with `waitpid` instead.
    deinit {
        let pid = process.processIdentifier
        guard pid > 0 else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}

/// Ports for chromedriver. Journeys run in parallel in one test process, and
/// two drivers given the same random port once made a journey talk to another
/// test's browser, which closed under it; so each port is handed out once and
/// only if nothing is listening there.
enum DriverPorts {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var last = 9_515 + Int(getpid() % 2_000) * 8

    static func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        repeat {
            last = last >= 29_000 ? 9_516 : last + 1
        } while !isFree(last)
        return last
    }

    /// Whether a TCP listener can bind 127.0.0.1:port right now.
    private static func isFree(_ port: Int) -> Bool {
        let socketHandle = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketHandle >= 0 else { return false }
        defer { close(socketHandle) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketHandle, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return bound == 0
    }
}
