import SQLKit

/// The receiving LA's signed acknowledgement, kept on the transfer it
/// answers: accepted or declined, the receiver's identifier for the young
/// person when accepted, the day decided, and the hash of the
/// acknowledgement file (the same file twice is refused by it).
struct M062TransferAcknowledgements: Migration {
    let version = 62
    let name = "transfer acknowledgements from the receiving authority"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.alter(table: "transfer_out").column("acknowledgement", type: .text).run()
        try await db.alter(table: "transfer_out").column("their_identifier", type: .text).run()
        try await db.alter(table: "transfer_out").column("acknowledged_on", type: Column.date).run()
        try await db.alter(table: "transfer_out").column("acknowledgement_sha256", type: .text).run()
        try await db.alter(table: "transfer_out").column("acknowledged_at", type: Column.timestamp).run()
        try await db.create(index: "transfer_out_acknowledgement").on("transfer_out").column("acknowledgement_sha256").unique().run()
        try await db.create(index: "transfer_out_package").on("transfer_out").column("package_sha256").run()
    }
}
