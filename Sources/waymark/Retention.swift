import ArgumentParser
import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkStore

struct Retention: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply the retention policy: erase or anonymise records past their time.", subcommands: [RetentionRunCommand.self])
}

struct RetentionRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Erase, or anonymise for statistics, every record the retention policy says is due; no record split between transactions, each with its tombstone in the audit trail.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var authority: AuthorityOptions

    @Flag(help: "Count what would go, per class of information, and change nothing.")
    var dryRun = false

    @Option(help: "Rules that differ from the standard policy, e.g. sendAndHealth=35,notes=25:erase (class=age[:erase|anonymise]). (env: WAYMARK_RETENTION)")
    var retention: String?

    @Option(help: "The day to apply the policy as at (YYYY-MM-DD); default today.")
    var asOf: String?

    func run() async throws {
        let policy: RetentionPolicy
        do {
            policy = try RetentionPolicy.configured(retention, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError("--retention: \(error)")
        }
        let day = try asOf.map { try CommandDates.date($0, option: "--as-of") } ?? CalendarDate.today(from: Date())
        let code = try authority.code()
        let dryRun = dryRun
        let report = try await storage.withStore(logger: CommandLogging.logger("retention")) { store in
            try await RetentionRun(store: store, laCode: code.code, policy: policy).run(on: day, dryRun: dryRun, by: .system("cli"), at: Date())
        }
        RetentionReportText.print(report)
    }
}

/// The report as the commands print it.
enum RetentionReportText {
    static func print(_ report: RetentionReport) {
        Swift.print("Retention \(report.dryRun ? "dry run (nothing changed)" : "run") as at \(report.day.iso), in \(String(format: "%.2f", report.seconds)) s")
        Swift.print("  records old enough to look at  \(report.examined)")
        Swift.print("  \(report.dryRun ? "would be erased" : "erased")                \(report.erased)")
        Swift.print("  \(report.dryRun ? "would be anonymised" : "anonymised")            \(report.anonymised)")
        Swift.print("  kept longer by a class         \(report.keptLonger)")
        Swift.print("  class                              erased  anonymised  kept longer")
        for count in report.classes {
            Swift.print("  " + count.dataClass.rawValue.padding(toLength: 32, withPad: " ", startingAt: 0)
                + String(format: "%8d %11d %12d", count.erased, count.anonymised, count.keptLonger))
        }
    }
}
