import ArgumentParser
import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore

extension Match {
    /// Suspected duplicates already in the database, queued for a person to decide.
    struct Scan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find suspected duplicates among the young people in the database and queue them as exceptions (nothing is merged).")

        @OptionGroup var storage: StorageOptions
        @OptionGroup var authority: AuthorityOptions

        func run() async throws {
            let laCode = try authority.code()
            let summary = try await storage.withStore(logger: CommandLogging.logger("match-scan")) { store in
                try await DuplicateScanner(store: store).scan(.authority(laCode: laCode.code), now: Date())
            }
            print("people \(summary.people), candidate pairs \(summary.candidatePairs), suspected duplicates \(summary.suspected), "
                + "newly queued \(summary.queued), \(String(format: "%.2f", summary.seconds)) s")
            print("Review them at /exceptions.")
        }
    }
}
