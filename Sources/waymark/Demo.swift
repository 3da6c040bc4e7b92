import ArgumentParser
import Foundation
import WaymarkApp
import WaymarkRecords
import WaymarkStore

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Fill an empty database with a synthetic local authority and one demo user per role.")

    @OptionGroup var storage: StorageOptions

    @Option(help: "How many young people to generate.")
    var people = 30_000

    @Option(help: "Seed for the generator: the same seed gives the same LA.")
    var seed: UInt64 = 1

    func run() async throws {
        let logger = CommandLogging.logger("demo")
        let outcome = try await storage.withStore(logger: logger) { store in
            try await DemoSetup(store: store, logger: logger).run(people: people, seed: seed, now: Date())
        }
        DemoOutput.print(outcome)
    }
}

enum DemoOutput {
    static func print(_ outcome: DemoSetup.Outcome) {
        switch outcome {
        case .alreadyHasData(let people):
            Swift.print("The database already holds \(people) young people; the demo was not loaded.")
        case .loaded(let report, let credentials):
            Swift.print("Loaded the synthetic LA \(DemoAuthority.name) (\(DemoAuthority.code)): \(report.people) young people, \(report.rows) rows in \(String(format: "%.1f", report.seconds)) s.")
            Swift.print("Demo sign-ins (synthetic data only):")
            for credential in credentials {
                Swift.print("  \(credential.role.displayName.padding(toLength: 22, withPad: " ", startingAt: 0)) \(credential.email)  password: \(credential.password)")
            }
        }
    }
}
