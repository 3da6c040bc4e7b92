import ArgumentParser
import WaymarkApp
import WaymarkStore

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create the database if needed and apply every pending migration.")

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let installation = try storage.installation()
        let store = try await installation.open(logger: CommandLogging.logger("migrate"))
        try await store.database.close()
        print("Database is up to date: \(installation.location)")
    }
}
