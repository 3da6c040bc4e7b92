import ArgumentParser
import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkStore

/// The operator's subject access: the same pack the data manager's page
/// makes, written to a file (0600) and audited as made by the command line.
struct SubjectAccess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subject-access",
        abstract: "Write one young person's subject access pack (ZIP: JSON and a readable HTML document); audited.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var authority: AuthorityOptions

    @Argument(help: "The young person's record id (the number in /people/<id>).")
    var personID: Int64

    @Option(help: "Where to write the ZIP; refused if the file exists.")
    var out: String

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: out) else { throw ValidationError("--out: \(out) exists; choose a new file name") }
        let code = try authority.code()
        let laName = authority.registry.name(of: code) ?? "The local authority"
        let file = try await storage.withStore(logger: CommandLogging.logger("subject-access")) { store in
            try await SubjectAccessPackWriter(store: store, laCode: code, laName: laName)
                .produce(person: personID, producedBy: "the command line (waymark subject-access)", actor: .system("cli"), purpose: "subject-access", at: Date())
        }
        guard let file else { throw ValidationError("There is no young person \(personID) in LA \(code.code) (or the record was merged into another).") }
        guard FileManager.default.createFile(atPath: out, contents: file.data, attributes: [.posixPermissions: 0o600]) else {
            throw ValidationError("--out: \(out) could not be written")
        }
        print("Wrote \(out): \(file.pack.rowCount) row(s) in \(file.pack.sections.filter { !$0.rows.isEmpty }.count) section(s), \(file.pack.history.count) audit event(s), \(file.data.count) bytes.")
        print("It holds everything about the young person, special categories and advisers' notes included: review it before it is sent.")
    }
}
