import ArgumentParser
import Foundation
import WaymarkStore

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the audit trail.", subcommands: [AuditVerify.self])
}

struct AuditVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Walk the audit trail's hash chain and report the first changed, deleted or inserted event; exits 1 when it is broken.")

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let started = ContinuousClock.now
        let outcome = try await storage.withStore(logger: CommandLogging.logger("audit")) { store in
            try await AuditTrailVerifier(store: store).verify()
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let timing = "\(outcome.checked) event(s) checked in \(String(format: "%.2f", seconds)) s"
        guard let problem = outcome.firstBreak else {
            print("The audit trail holds: \(timing).")
            if let id = outcome.headID, let hash = outcome.headHash {
                print("  newest event \(id), hash \(hash)")
                print("  Keep this line somewhere else: a later check that does not reach it means events were removed from the end.")
            }
            return
        }
        print("The audit trail is BROKEN at event \(problem.eventID): \(problem).")
        print("  \(timing) before the break.")
        throw ExitCode.failure
    }
}
