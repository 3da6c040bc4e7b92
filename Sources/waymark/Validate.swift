import ArgumentParser
import Foundation
import WaymarkApp
import WaymarkCore

struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the NCCIS return for a period end and print the readiness report.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var authority: AuthorityOptions

    @Option(name: .customLong("period-end"), help: "The month end to check (YYYY-MM-DD; default: the last month end).")
    var periodEnd: String?

    @Option(help: "How many record ids to list under each error.")
    var examples = 5

    func run() async throws {
        let now = Date()
        let today = CalendarDate.today(from: now)
        let requested = try periodEnd.map { try CommandDates.date($0, option: "--period-end") } ?? CommandDates.lastMonthEnd(today: today)
        let period = try CommandDates.checkedPeriodEnd(requested, today: today)
        let laCode = try authority.code()
        let readiness = try await storage.withStore(logger: CommandLogging.logger("validate")) { store in
            try await NCCISReturnBuilder(store: store, registry: authority.registry, laCode: laCode).build(periodEnd: period, dateOfSend: today)
        }
        print(ReadinessText.render(readiness, laCode: laCode.code, examples: examples))
        if !readiness.blockers.isEmpty { throw ExitCode(1) }
    }
}

/// The readiness report as plain text for the terminal.
enum ReadinessText {
    static func render(_ readiness: ReturnReadiness, laCode: String, examples: Int) -> String {
        var lines = ["NCCIS return readiness for LA \(laCode), period end \(readiness.periodEnd.iso)"]
        lines.append("  young people in the return  \(readiness.records)")
        lines.append("  findings                    \(readiness.findingCount) (priority 1: \(readiness.count(priority: 1)), priority 2: \(readiness.count(priority: 2)), priority 3: \(readiness.count(priority: 3)))")
        if readiness.errors.isEmpty { lines.append("No errors: the return is ready to send.") }
        for entry in readiness.errors {
            let rejects = entry.error.rejectsFile ? "  REJECTS THE FILE" : ""
            lines.append("")
            lines.append("  \(entry.error.number) (priority \(entry.error.priority), \(entry.error.field)) \(entry.count) record(s)\(rejects)")
            lines.append("      \(entry.error.message)")
            let ids = entry.examples.prefix(examples).map { "\($0.youngPersonsID)" + ($0.detail.map { " [\($0)]" } ?? "") }
            if !ids.isEmpty { lines.append("      e.g. " + ids.joined(separator: ", ")) }
        }
        if readiness.unreadableCount > 0 {
            lines.append("")
            lines.append("  \(readiness.unreadableCount) stored value(s) cannot be read:")
            for value in readiness.unreadable.prefix(examples) { lines.append("      \(value)") }
        }
        if !readiness.blockers.isEmpty {
            lines.append("")
            lines.append("Not ready:")
            for blocker in readiness.blockers { lines.append("  - \(blocker)") }
        }
        return lines.joined(separator: "\n")
    }
}
