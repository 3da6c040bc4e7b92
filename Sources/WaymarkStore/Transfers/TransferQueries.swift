import SQLKit
public import WaymarkRecords

/// Reads of transfers in and out, the keyring and previous identifiers.
public struct TransferQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    public func transferIn(_ id: Int64) async throws -> StoredTransferIn? {
        try await db.select().column("*").from("transfer_in").where("id", .equal, id).first().map(Self.transferIn)
    }

    /// Packages waiting for a decision first, then the latest decided, newest first.
    public func transfersIn(limit: Int = 100) async throws -> [StoredTransferIn] {
        try await db.select().column("*").from("transfer_in")
            .orderBy(SQLRaw("CASE WHEN status = 'received' THEN 0 ELSE 1 END")).orderBy("id", .descending).limit(limit)
            .all().map(Self.transferIn)
    }

    public func transfersOut(of personID: Int64) async throws -> [StoredTransferOut] {
        try await db.select().column("*").from("transfer_out").where("person_id", .equal, personID).orderBy("id").all().map(Self.transferOut)
    }

    /// The transfer sent as the file with this hash, if any.
    public func transferOut(packageSHA256 sha: String) async throws -> StoredTransferOut? {
        try await db.select().column("*").from("transfer_out").where("package_sha256", .equal, sha).first().map(Self.transferOut)
    }

    /// Transfers sent, the latest acknowledged first (for the transfers page).
    public func acknowledgedTransfersOut(limit: Int = 50) async throws -> [StoredTransferOut] {
        try await db.select().column("*").from("transfer_out").where("acknowledgement", .isNot, SQLLiteral.null)
            .orderBy("acknowledged_at", .descending).orderBy("id", .descending).limit(limit).all().map(Self.transferOut)
    }

    public func acknowledgementSeen(sha256: String) async throws -> Bool {
        try await db.select().column("id").from("transfer_out").where("acknowledgement_sha256", .equal, sha256).first() != nil
    }

    static func transferOut(_ row: any SQLRow) throws -> StoredTransferOut {
        let acknowledgement = try row.decode(column: "acknowledgement", as: String?.self).map { decision in
            TransferOutAcknowledgement(
                decision: decision, theirIdentifier: try row.decode(column: "their_identifier", as: String?.self),
                decidedOn: try row.decode(column: "acknowledged_on", as: String?.self) ?? "",
                importedAt: try row.decode(column: "acknowledged_at", as: String?.self) ?? "")
        }
        return StoredTransferOut(
            id: try row.decode(column: "id", as: Int64.self), personID: try row.decode(column: "person_id", as: Int64.self),
            toLA: try row.decode(column: "to_la", as: String.self),
            movedOn: try row.decode(column: "moved_on", as: String.self), packageSHA256: try row.decode(column: "package_sha256", as: String.self),
            keyID: try row.decode(column: "key_id", as: String.self),
            withheldClasses: try row.decode(column: "withheld_classes", as: String.self).split(separator: ",").map(String.init),
            recordedAt: try row.decode(column: "recorded_at", as: String.self), acknowledgement: acknowledgement)
    }

    public func packageSeen(sha256: String) async throws -> Bool {
        try await db.select().column("id").from("transfer_in").where("package_sha256", .equal, sha256).first() != nil
    }

    /// The keys in force for `laCode`.
    public func peerKeys(of laCode: String) async throws -> [PeerKey] {
        try await db.select().columns("la_code", "key_id", "public_key").from("transfer_peer_key")
            .where("la_code", .equal, laCode).where("retired_at", .is, SQLLiteral.null).orderBy("id").all().map { row in
                PeerKey(
                    laCode: try row.decode(column: "la_code", as: String.self), keyID: try row.decode(column: "key_id", as: String.self),
                    publicKey: try row.decode(column: "public_key", as: String.self))
            }
    }

    /// (LA code, identifier) pairs the young person had elsewhere.
    public func previousIdentifiers(of personID: Int64) async throws -> [(la: String, identifier: String)] {
        try await db.select().columns("la_code", "identifier").from("person_previous_identifier").where("person_id", .equal, personID)
            .orderBy("id").all().map { (try $0.decode(column: "la_code", as: String.self), try $0.decode(column: "identifier", as: String.self)) }
    }

    /// The person already linked to another LA's identifier, if any.
    public func person(previouslyKnownAs identifier: String, in laCode: String) async throws -> Int64? {
        try await db.select().column("person_id").from("person_previous_identifier")
            .where("la_code", .equal, laCode).where("identifier", .equal, identifier).first()
            .map { try $0.decode(column: "person_id", as: Int64.self) }
    }

    static func transferIn(_ row: any SQLRow) throws -> StoredTransferIn {
        let text = try row.decode(column: "status", as: String.self)
        guard let status = TransferInStatus(rawValue: text) else { throw StoreError.invalidStoredValue(table: "transfer_in", column: "status", value: text) }
        return StoredTransferIn(
            id: try row.decode(column: "id", as: Int64.self), fromLA: try row.decode(column: "from_la", as: String.self),
            packageSHA256: try row.decode(column: "package_sha256", as: String.self),
            previousIdentifier: try row.decode(column: "previous_identifier", as: String.self),
            status: status, payload: try row.decode(column: "payload", as: String?.self),
            personID: try row.decode(column: "person_id", as: Int64?.self), outcome: try row.decode(column: "outcome", as: String?.self),
            reason: try row.decode(column: "reason", as: String?.self), receivedAt: try row.decode(column: "recorded_at", as: String.self),
            decidedAt: try row.decode(column: "decided_at", as: String?.self))
    }
}
