import Foundation
import Testing

/// axe-core, the accessibility engine, run inside the real browser on the
/// page a journey has reached. Its script (axe-core 4) comes from the
/// axe-playwright-python package on PyPI (`.ci/run` installs it without its
/// dependencies: only the script is used) or from `WAYMARK_AXE_JS`.
enum AxeScript {
    static let source: String? = {
        if let path = ProcessInfo.processInfo.environment["WAYMARK_AXE_JS"], let text = try? String(contentsOfFile: path, encoding: .utf8) {
            return text
        }
        let finder = Process()
        finder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        finder.arguments = ["python3", "-c", "import axe_playwright_python, os; print(os.path.dirname(axe_playwright_python.__file__))"]
        let output = Pipe()
        finder.standardOutput = output
        finder.standardError = FileHandle.nullDevice
        guard (try? finder.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        finder.waitUntilExit()
        let folder = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return try? String(contentsOfFile: folder + "/axe.min.js", encoding: .utf8)
    }()
}

extension WebDriver {
    /// The WCAG 2.2 A/AA rules axe finds broken on the current page, as "rule: selector" lines.
    func axeViolations() async throws -> [String] {
        guard let script = AxeScript.source else { throw Failure(description: "axe-core is not installed (pip install --no-deps axe-playwright-python)") }
        // Injected and run in one script: injected apart, a page that reloads itself
        // (a job's progress) between the two left "axe is not defined".
        let run = script + """
            ;
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
              .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
              .catch(e => done(['axe failed: ' + e]));
            """
        var attempt = 0
        while true {
            do {
                return try await evaluateAsync(run) as? [String] ?? ["axe answered nothing"]
            } catch let failure as Failure where failure.description.contains("unloaded") && attempt < 3 {
                // The page navigated while axe ran: check the page it landed on.
                attempt += 1
                try await Task.sleep(for: .milliseconds(500))
            }
        }
    }

    /// Fails the test with every violation axe finds on the current page.
    func expectAccessible(_ page: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let violations = try await axeViolations()
        #expect(violations.isEmpty, "\(page): \(violations.joined(separator: "; "))", sourceLocation: sourceLocation)
    }
}

extension WebDriver {
    /// What a journey does at each page a person would look at: keep a
    /// screenshot to look at, and let axe check the page.
    func look(saving path: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await screenshot(to: path)
        try await expectAccessible((path as NSString).lastPathComponent, sourceLocation: sourceLocation)
    }
}
