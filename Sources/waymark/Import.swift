import ArgumentParser
import Foundation
import WaymarkApp
import WaymarkFormats
import WaymarkStore

/// Imports a school, college, provider or DWP file: every row matched to the
/// right young person, the sure ones recorded, the rest queued as exceptions.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a CSV, XLSX or CTF file: match each row to a young person, record what is certain, queue the rest at /exceptions.",
        discussion: "Kinds: " + ImportKind.allCases.map { "\($0.rawValue) (\($0.title))" }.joined(separator: ", ")
            + ". Importing the same file again changes nothing; a run that was stopped finishes the job when run again.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var authority: AuthorityOptions

    @Option(help: "What the file is (ctf for a school Common Transfer File).")
    var kind: String

    @Argument(help: "The file: .csv, .xlsx or .xml (CTF).")
    var file: String

    func run() async throws {
        guard let kind = ImportKind(rawValue: kind.replacingOccurrences(of: "-", with: "_")) else {
            throw ValidationError("--kind: '\(kind)' is not one of " + ImportKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let format = kind == .ctf ? .ctf : ImportFormat(fileName: file) else {
            throw ValidationError("\(file): the name should end .csv, .xlsx or .xml")
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("\(file): cannot be read") }
        let reading: ImportReading
        do {
            reading = try ImportReader.read(data, format: format, kind: kind)
        } catch {
            print("\(file): \(error)")
            throw ExitCode(1)
        }
        guard reading.isClean else {
            for problem in reading.problems.prefix(50) { print(problem) }
            print("\(reading.problems.count) problems; nothing was imported.")
            throw ExitCode(1)
        }
        let laCode = try authority.code()
        let summary = try await storage.withStore(logger: CommandLogging.logger("import")) { store in
            try await ImportRunner(store: store, laCode: laCode).run(
                reading, fileName: URL(fileURLWithPath: file).lastPathComponent, data: data, actor: .system("import"), now: Date())
        }
        print("rows \(summary.rowsRead): updated \(summary.updated), unchanged \(summary.unchanged), created \(summary.created), "
            + "excepted \(summary.excepted), already imported \(summary.alreadyDone); \(summary.candidates) candidates; "
            + String(format: "%.2f s", summary.seconds))
    }
}
