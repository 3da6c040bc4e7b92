import ArgumentParser
import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write statutory files: the NCCIS monthly XML and the Annual Activity Survey.",
        subcommands: [ExportNCCIS.self, ExportActivitySurvey.self])
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

struct ExportActivitySurvey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity-survey",
        abstract: "Write the Annual Activity Survey (situation at 1 November of last year's Year 11): the national CSV and each school's destinations.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var authority: AuthorityOptions

    @Option(help: "The survey year: the autumn of the 1 November reference date (YYYY).")
    var year: Int

    @Option(name: .customLong("out-dir"), help: "Directory for the CSV files.")
    var outDir = "."

    func run() async throws {
        guard (2000...2100).contains(year) else { throw ValidationError("--year: \(year) is not a survey year (YYYY)") }
        let laCode = try authority.code()
        let result = try await storage.withStore(logger: CommandLogging.logger("export")) { store in
            try await StatutoryFigures(store: store, registry: authority.registry, laCode: laCode).activitySurvey(year: year)
        }
        guard !result.rows.isEmpty else {
            throw ValidationError("Nobody was in Year 11 in \(year - 1)/\(year % 100) for LA \(laCode.code): is the database loaded and the year right?")
        }
        try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        let national = URL(fileURLWithPath: outDir).appendingPathComponent("activity-survey-\(laCode.code)-\(year).csv")
        let schools = URL(fileURLWithPath: outDir).appendingPathComponent("activity-survey-\(laCode.code)-\(year)-schools.csv")
        try Data(result.nationalCSV.utf8).write(to: national, options: .atomic)
        try Data(result.summary.csv.utf8).write(to: schools, options: .atomic)
        print("Wrote \(national.path): \(result.rows.count) young people")
        print("Wrote \(schools.path): \(result.summary.schools.count) schools")
        if result.skipped > 0 { print("  \(result.skipped) record(s) could not be read and were left out; run `waymark validate`.") }
    }
}
