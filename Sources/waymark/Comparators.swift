import ArgumentParser
import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkStore

/// England, regional and statistical-neighbour figures for the home page.
struct Comparators: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load England, regional and statistical-neighbour figures to show beside the LA's own.", subcommands: [Load.self])

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a comparators CSV and load it (all or nothing; audited).",
            discussion: """
                The CSV has the header area,name,month,measure,percentage; area is england, region or statistical-neighbours, \
                month is YYYY-MM, measure is neet, not-known or neet-or-not-known, percentage is 0-100. For example:
                  region,North West,2026-10,neet,5.4
                """)

        @OptionGroup var storage: StorageOptions

        @Argument(help: "The comparators CSV file.")
        var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw ValidationError("\(file): cannot be read as UTF-8 text")
            }
            let name = URL(fileURLWithPath: file).lastPathComponent
            let result = try await storage.withStore(logger: CommandLogging.logger("comparators")) { store in
                try await ComparatorLoad(store: store).load(text, file: name, at: Date())
            }
            switch result {
            case .success(let count): print("Loaded \(count) comparator figures from \(name).")
            case .failure(let error): throw Instruments.NotLoaded(description: "\(file): \(error.description)")
            }
        }
    }
}
