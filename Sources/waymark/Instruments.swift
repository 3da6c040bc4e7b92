import ArgumentParser
import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkFormats
import WaymarkStore

/// Assessment instruments: list what is offered, and load an LA's own from
/// its JSON file (checked first; every problem named by field and rule).
struct Instruments: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the assessment instruments, or load an LA's own from a JSON file.", subcommands: [List.self, Load.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every instrument version: shipped with Waymark and loaded by the LA.")

        @OptionGroup var storage: StorageOptions

        func run() async throws {
            let all = try await storage.withStore(logger: CommandLogging.logger("instruments")) { store in try await InstrumentCatalogue(store: store).all() }
            for instrument in all {
                print("\(instrument.reference)\t\(instrument.title)\t\(instrument.areas.count) areas, \(instrument.scale.count)-point scale, review every \(instrument.reviewIntervalWeeks) weeks")
            }
        }
    }

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check an instrument's JSON file and load it (a new key, or a higher version of one in use); audited.",
            discussion: "The shipped ones are in Sources/WaymarkApp/Resources/instruments: copy one, change its key or raise its version, and load it.")

        @OptionGroup var storage: StorageOptions

        @Argument(help: "The instrument's JSON file.")
        var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("\(file): cannot be read") }
            let result = try await storage.withStore(logger: CommandLogging.logger("instruments")) { store in
                try await InstrumentCatalogue(store: store).load(data, at: Date())
            }
            switch result {
            case .success(let instrument):
                print("Loaded \(instrument.reference): \(instrument.title), \(instrument.areas.count) areas in \(instrument.groups.count) groups.")
            case .failure(let error):
                throw NotLoaded(description: "\(file): \(error.description)")
            }
        }
    }

    /// Refused: the file's problems, without the usage text a mistyped command gets.
    struct NotLoaded: Error, CustomStringConvertible {
        let description: String
    }
}
