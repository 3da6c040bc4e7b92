import ArgumentParser
import Foundation
import WaymarkApp
import WaymarkStore

struct Returns: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Look after the generated return files the server keeps.", subcommands: [ReturnsPrune.self])
}

struct ReturnsPrune: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Remove return files older than the retention period from the data directory's returns folder, auditing each.")

    @OptionGroup var storage: StorageOptions

    @Option(help: "Months to keep return files. (env: WAYMARK_RETURNS_KEEP_MONTHS, default: 13)")
    var keepMonths: Int?

    func run() async throws {
        let retention: ReturnRetention
        do {
            retention = try ReturnRetention.configured(keepMonths, environment: ProcessInfo.processInfo.environment)
        } catch let error as ReturnRetention.RetentionError {
            throw ValidationError(error.description)
        }
        let directory = storage.returnsDirectory
        let removed = try await storage.withStore(logger: CommandLogging.logger("returns")) { store in
            try await ReturnFilePruner(store: store, directory: directory, retention: retention).prune(by: .system("cli"), at: Date())
        }
        print("Removed \(removed.count) return file(s) older than \(retention.months) months from \(directory).")
        for name in removed { print("  \(name)") }
    }
}
