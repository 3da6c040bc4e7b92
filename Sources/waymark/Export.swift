import ArgumentParser
import Foundation
import WaymarkApp
import WaymarkCore

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write statutory files: the NCCIS monthly XML and the Annual Activity Survey.",
        subcommands: [ExportNCCIS.self])
}

struct ExportNCCIS: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nccis",
        abstract: "Write the NCCIS monthly return for a period end, validate it and keep it in the history.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var authority: AuthorityOptions

    @Option(name: .customLong("period-end"), help: "The last day of the month reported (YYYY-MM-DD).")
    var periodEnd: String

    @Option(help: "Where to write the XML.")
    var out: String

    @Flag(help: "Write the file even when errors would make NCCIS reject it.")
    var force = false

    func run() async throws {
        let now = Date()
        let today = CalendarDate.today(from: now)
        let period = try CommandDates.checkedPeriodEnd(try CommandDates.date(periodEnd, option: "--period-end"), today: today)
        let laCode = try authority.code()
        let logger = CommandLogging.logger("export")
        let started = Date()
        let outcome = try await storage.withStore(logger: logger) { store in
            let builder = NCCISReturnBuilder(store: store, registry: authority.registry, laCode: laCode)
            do {
                return try await NCCISExport(builder: builder, store: store)
                    .export(periodEnd: period, dateOfSend: today, to: out, by: .system("cli"), at: now, force: force)
            } catch let refusal as NCCISExport.Refusal {
                throw ValidationError(refusal.description)
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print("Wrote \(out): \(outcome.generated.records) young people, \(outcome.generated.byteCount) bytes in \(String(format: "%.2f", seconds)) s")
        print("  SHA-256  \(outcome.generated.sha256)")
        print("  findings \(outcome.readiness.findingCount) (priority 1: \(outcome.readiness.count(priority: 1)), rejecting: \(outcome.readiness.rejectingCount))")
        if outcome.readiness.findingCount > 0 { print("Run `waymark validate --period-end \(period.iso)` for the details.") }
    }
}
