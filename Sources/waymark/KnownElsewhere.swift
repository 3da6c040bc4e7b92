import ArgumentParser
import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkStore

/// "Known elsewhere?" from the command line: set the region's key, publish
/// this LA's digests, and (at the LA that runs the index) load the region's files.
struct KnownElsewhere: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "known-elsewhere",
        abstract: "Publish keyed hashes of this LA's young people, and load the regional index.",
        subcommands: [KnownElsewhereKeyCommand.self, KnownElsewherePublishCommand.self, KnownElsewhereIndexCommand.self])
}

struct KnownElsewhereKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Set the region's shared key (from the LA that runs the index); a new key is a rotation: publish again.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var authority: AuthorityOptions
    @Option(help: "The key's id, as the region names it (e.g. south-east-2026).") var id: String
    @Option(help: "A file holding the key: at least 32 random bytes as base64.") var file: String

    func run() async throws {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ValidationError("--file: \(file) cannot be read") }
        let code = try authority.code()
        try await storage.withStore(logger: CommandLogging.logger("known-elsewhere")) { store in
            try await KnownElsewhereDesk(store: store, registry: authority.registry, laCode: code).setRegionKey(id: id, base64: text, by: .system("cli"), at: Date())
        }
        print("Region key \(id) set. Publish this LA's file again (waymark known-elsewhere publish).")
    }
}

struct KnownElsewherePublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Write this LA's keyed digests (UPN, ULN, name and date of birth) for the regional index.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var authority: AuthorityOptions
    @Option(help: "Where to write the file; refused if it exists.") var out: String

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: out) else { throw ValidationError("--out: \(out) exists; choose a new file name") }
        guard FileManager.default.createFile(atPath: out, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: out) else { throw ValidationError("--out: \(out) could not be written") }
        defer { try? handle.close() }
        let code = try authority.code()
        let count = try await storage.withStore(logger: CommandLogging.logger("known-elsewhere")) { store in
            try await KnownElsewhereDesk(store: store, registry: authority.registry, laCode: code)
                .publish(by: .system("cli"), at: Date()) { text in try handle.write(contentsOf: Data(text.utf8)) }
        }
        print("Wrote \(out): \(count) digests for LA \(code.code). Send it to the LA that runs the regional index.")
    }
}

struct KnownElsewhereIndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index", abstract: "The regional index (run by one LA).", subcommands: [KnownElsewhereIndexLoadCommand.self])
}

struct KnownElsewhereIndexLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load", abstract: "Load LAs' published files into the index; each replaces what its LA published before.",
        discussion: "A file with any bad line, a wrong key id or a missing trailer is refused whole, naming the line; the LA's earlier publication stays.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var authority: AuthorityOptions
    @Argument(help: "The published files.") var files: [String]

    func run() async throws {
        let code = try authority.code()
        try await storage.withStore(logger: CommandLogging.logger("known-elsewhere")) { store in
            let desk = KnownElsewhereDesk(store: store, registry: authority.registry, laCode: code)
            let refused = LockedCount()
            await desk.load(files: files, by: .system("cli")) { load in
                switch load.outcome {
                case .success(let (la, count)):
                    print("\(load.path): LA \(la), \(count) digests loaded in \(String(format: "%.1f", load.seconds)) s")
                case .failure(let error):
                    print("\(load.path): refused — \(error)")
                    refused.add()
                }
            }
            if refused.value > 0 { throw ExitCode(1) }
        }
    }
}

/// Files refused while several load at once.
final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
