import ArgumentParser
import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkFormats
import WaymarkRecords
import WaymarkStore

/// Moving young people between local authorities from the command line:
/// the operator's counterpart of the data manager's pages, audited as the
/// command line (`system:cli`).
struct Transfer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Transfer young people to and from other local authorities (signed packages).",
        subcommands: [
            TransferExportCommand.self, TransferImportCommand.self, TransferDecideCommand.self, TransferAcknowledgementCommand.self,
            TransferAcknowledgeCommand.self, TransferKeysCommand.self,
        ])
}

struct TransferExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Record that a young person moved to another LA (cohort status T) and write the signed transfer package.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var authority: AuthorityOptions
    @Option(help: "The young person's record id.") var person: Int64
    @Option(help: "The LA they moved to (3-digit code).") var to: String
    @Option(help: "The day the move took effect (YYYY-MM-DD); default today.") var movedOn: String?
    @Option(help: "Where to write the package; refused if the file exists.") var out: String

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: out) else { throw ValidationError("--out: \(out) exists; choose a new file name") }
        let code = try authority.code()
        let now = Date()
        let day = try movedOn.map { try CommandDates.date($0, option: "--moved-on") } ?? CalendarDate.today(from: now)
        let export = try await storage.withStore(logger: CommandLogging.logger("transfer")) { store in
            try await TransferDesk(store: store, registry: authority.registry, laCode: code)
                .export(person: person, to: to, movedOn: day, by: .system("cli"), at: now)
        }
        guard FileManager.default.createFile(atPath: out, contents: export.data, attributes: [.posixPermissions: 0o600]) else {
            throw ValidationError("--out: \(out) could not be written")
        }
        print("Transfer \(export.transferID): young person \(person) recorded as moved to LA \(to) (cohort status T) from \(day.iso).")
        print("Wrote \(out) (\(export.data.count) bytes, SHA-256 \(export.sha256)).")
        if !export.withheld.isEmpty { print("Withheld (no basis to share): \(export.withheld.map(\.label).joined(separator: ", ")).") }
    }
}

struct TransferImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Check a transfer package (signature, size, every field) and keep it for a decision; prints the acknowledgement.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var authority: AuthorityOptions
    @Argument(help: "The transfer file.") var file: String

    func run() async throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        guard size <= TransferLimits.standard.maxFileBytes else {
            print(TransferFileError([TransferProblem(field: "the file", rule: "size", message: "\(size) bytes; at most \(TransferLimits.standard.maxFileBytes)")]))
            throw ExitCode(1)
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("\(file): cannot be read") }
        let code = try authority.code()
        do {
            let receipt = try await storage.withStore(logger: CommandLogging.logger("transfer")) { store in
                try await TransferDesk(store: store, registry: authority.registry, laCode: code).receive(file: data, by: .system("cli"), at: Date())
            }
            print(receipt.acknowledgement)
            print("Decide with: waymark transfer decide \(receipt.transferID) --accept | --link PERSON | --create | --decline REASON")
        } catch let refused as TransferRefused {
            print(refused.description)
            throw ExitCode(1)
        }
    }
}

struct TransferDecideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide", abstract: "Accept (add or link the young person) or decline a received transfer.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var authority: AuthorityOptions
    @Argument(help: "The transfer id from the acknowledgement.") var transfer: Int64
    @Flag(help: "Link when the matcher is sure, add when nobody is plausible.") var accept = false
    @Option(help: "Link to this young person on record.") var link: Int64?
    @Flag(help: "Add as a new young person.") var create = false
    @Option(help: "Decline, with the reason the sending LA is told.") var decline: String?

    func run() async throws {
        let chosen = [accept, link != nil, create, decline != nil].filter { $0 }.count
        guard chosen == 1 else { throw ValidationError("Give exactly one of --accept, --link, --create, --decline") }
        let code = try authority.code()
        try await storage.withStore(logger: CommandLogging.logger("transfer")) { store in
            let desk = TransferDesk(store: store, registry: authority.registry, laCode: code)
            if let decline {
                try await desk.decline(id: transfer, reason: decline, by: .system("cli"), at: Date())
                print("Transfer \(transfer) declined; its content was not kept.")
                return
            }
            let choice: TransferAcceptChoice = link.map { .link(personID: $0) } ?? (create ? .createNew : .asMatched)
            let accepted = try await desk.accept(id: transfer, choice: choice, scope: .authority(laCode: code.code), by: .system("cli"), at: Date())
            print("Transfer \(transfer) accepted: young person \(accepted.personID) \(accepted.outcome).")
        }
    }
}

struct TransferAcknowledgementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acknowledgement",
        abstract: "Write the signed acknowledgement of a transfer accepted or declined here, to send back to the authority it came from.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var authority: AuthorityOptions
    @Argument(help: "The received transfer's id.") var transfer: Int64
    @Option(help: "Where to write the acknowledgement; refused if the file exists.") var out: String

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: out) else { throw ValidationError("--out: \(out) exists; choose a new file name") }
        let code = try authority.code()
        let file = try await storage.withStore(logger: CommandLogging.logger("transfer")) { store in
            try await TransferDesk(store: store, registry: authority.registry, laCode: code).acknowledgement(id: transfer, by: .system("cli"), at: Date())
        }
        guard FileManager.default.createFile(atPath: out, contents: file.data, attributes: [.posixPermissions: 0o600]) else {
            throw ValidationError("--out: \(out) could not be written")
        }
        print("Wrote \(out) (\(file.data.count) bytes): the signed acknowledgement of transfer \(transfer), ids only; send it to the authority it came from.")
    }
}

struct TransferAcknowledgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acknowledge",
        abstract: "Import the receiving authority's signed acknowledgement of a transfer sent from here (accepted with their identifier, or declined).")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var authority: AuthorityOptions
    @Argument(help: "The acknowledgement file.") var file: String

    func run() async throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        guard size <= TransferLimits.acknowledgement.maxFileBytes else {
            print(TransferFileError([TransferProblem(field: "the file", rule: "size", message: "\(size) bytes; an acknowledgement is at most \(TransferLimits.acknowledgement.maxFileBytes)")]))
            throw ExitCode(1)
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("\(file): cannot be read") }
        let code = try authority.code()
        do {
            let done = try await storage.withStore(logger: CommandLogging.logger("transfer")) { store in
                try await TransferDesk(store: store, registry: authority.registry, laCode: code).acknowledge(file: data, by: .system("cli"), at: Date())
            }
            print(done.summary)
        } catch let refused as TransferRefused {
            print(refused.description)
            throw ExitCode(1)
        }
    }
}

struct TransferKeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Show this LA's public key, or add a neighbour LA's key to the keyring.")

    @OptionGroup var storage: StorageOptions
    @OptionGroup var authority: AuthorityOptions
    @Option(help: "Add the key of this LA (3-digit code).") var add: String?
    @Option(help: "The neighbour's public key (base64, from their `waymark transfer keys`).") var key: String?

    func run() async throws {
        let code = try authority.code()
        try await storage.withStore(logger: CommandLogging.logger("transfer")) { store in
            let desk = TransferDesk(store: store, registry: authority.registry, laCode: code)
            if let add {
                guard let key else { throw ValidationError("--add needs --key") }
                let added = try await desk.addPeerKey(la: add, base64: key, by: .system("cli"), at: Date())
                print("Added key \(added.keyID) for LA \(added.laCode): confirm this key id with their data manager by phone.")
            } else {
                let own = try await TransferSigning(store: store, laCode: code).publicKey(at: Date())
                print("LA \(own.laCode) key \(own.keyID)\npublic key: \(own.publicKey)")
            }
        }
    }
}
