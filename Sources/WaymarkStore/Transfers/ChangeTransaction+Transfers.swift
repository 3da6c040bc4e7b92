import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// What one transfer out, to record in the same change as cohort status T.
public struct NewTransferOut: Sendable {
    public let personID: Int64
    public let toLA: LocalAuthorityCode
    public let movedOn: CalendarDate
    public let packageSHA256: String
    public let keyID: String
    public let withheldClasses: [SensitivityClass]

    public init(personID: Int64, toLA: LocalAuthorityCode, movedOn: CalendarDate, packageSHA256: String, keyID: String, withheldClasses: [SensitivityClass]) {
        self.personID = personID
        self.toLA = toLA
        self.movedOn = movedOn
        self.packageSHA256 = packageSHA256
        self.keyID = keyID
        self.withheldClasses = withheldClasses
    }
}

extension ChangeTransaction {
    /// The NCCIS transfer (cohort status T, the LA moved to, from the day of
    /// the move) and the package sent, as one fact with its provenance.
    @discardableResult
    public func recordTransferOut(_ transfer: NewTransferOut) async throws -> Int64 {
        try await setCohortStatus(of: transfer.personID, to: .transferred, transferredTo: transfer.toLA, since: transfer.movedOn)
        let id = try await insertReturningID(
            into: "transfer_out",
            [
                ("person_id", transfer.personID), ("to_la", transfer.toLA.code), ("moved_on", transfer.movedOn.iso),
                ("package_sha256", transfer.packageSHA256), ("key_id", transfer.keyID),
                ("withheld_classes", transfer.withheldClasses.map(\.rawValue).joined(separator: ",")),
            ])
        try await audit(.export, entity: "transfer_out", entityID: id, personID: transfer.personID, detail: "to=\(transfer.toLA.code)")
        return id
    }

    /// Keeps a checked package until a data manager decides; the same package twice is refused by its hash.
    public func receiveTransfer(fromLA: LocalAuthorityCode, packageSHA256: String, previousIdentifier: String, payload: String) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "transfer_in",
            [
                ("from_la", fromLA.code), ("package_sha256", packageSHA256), ("previous_identifier", previousIdentifier),
                ("status", TransferInStatus.received.rawValue), ("payload", payload),
            ])
        try await audit(.import, entity: "transfer_in", entityID: id, personID: nil, detail: "from=\(fromLA.code)")
        return id
    }

    /// Marks a package accepted for `personID` ("created" or "linked") and lets go of its content.
    public func acceptTransfer(_ id: Int64, personID: Int64, outcome: String) async throws {
        try await decide(id, status: .accepted, personID: personID, outcome: outcome, reason: nil)
        try await audit(.update, entity: "transfer_in", entityID: id, personID: personID, detail: "accepted \(outcome)")
    }

    /// Refuses a package with a reason; its content is not kept.
    public func declineTransfer(_ id: Int64, reason: String) async throws {
        try await decide(id, status: .declined, personID: nil, outcome: nil, reason: reason)
        try await audit(.update, entity: "transfer_in", entityID: id, personID: nil, detail: "declined")
    }

    private func decide(_ id: Int64, status: TransferInStatus, personID: Int64?, outcome: String?, reason: String?) async throws {
        let rows = try await db.update("transfer_in")
            .set("status", to: status.rawValue).set("payload", to: String?.none).set("person_id", to: personID).set("outcome", to: outcome)
            .set("reason", to: reason).set("decided_by", to: actor.userID).set("decided_at", to: recordedAt)
            .where("id", .equal, id).where("status", .equal, TransferInStatus.received.rawValue)
            .returning("id").all()
        guard !rows.isEmpty else { throw StoreError.notFound(entity: "transfer waiting for a decision", id: id) }
    }

    /// The identifier the young person had in another LA, so a later file or return naming it finds them.
    public func linkPreviousIdentifier(of personID: Int64, la: LocalAuthorityCode, identifier: String) async throws {
        let id = try await insertReturningID(
            into: "person_previous_identifier", [("person_id", personID), ("la_code", la.code), ("identifier", identifier)])
        try await audit(.create, entity: "person_previous_identifier", entityID: id, personID: personID, detail: "la=\(la.code)")
    }

    /// Keeps the receiving LA's answer on the transfer it acknowledges; a
    /// transfer already acknowledged is not changed (the caller refuses first).
    public func acknowledgeTransferOut(
        _ id: Int64, personID: Int64, decision: String, theirIdentifier: String?, decidedOn: CalendarDate, acknowledgementSHA256: String
    ) async throws {
        let rows = try await db.update("transfer_out")
            .set("acknowledgement", to: decision).set("their_identifier", to: theirIdentifier).set("acknowledged_on", to: decidedOn.iso)
            .set("acknowledgement_sha256", to: acknowledgementSHA256).set("acknowledged_at", to: recordedAt)
            .where("id", .equal, id).where("acknowledgement", .is, SQLLiteral.null)
            .returning("id").all()
        guard !rows.isEmpty else { throw StoreError.notFound(entity: "transfer waiting for an acknowledgement", id: id) }
        try await audit(.update, entity: "transfer_out", entityID: id, personID: personID, detail: "acknowledged \(decision)")
    }

    /// A signed acknowledgement made for the sending LA (ids only, so the detail is the decision).
    public func recordAcknowledgementMade(transferID: Int64, personID: Int64?, decision: String) async throws {
        try await audit(.export, entity: "transfer_in", entityID: transferID, personID: personID, detail: "acknowledgement \(decision)")
    }

    /// Adds a neighbour LA's public key to the keyring.
    public func addPeerKey(_ key: PeerKey) async throws {
        let id = try await insertReturningID(
            into: "transfer_peer_key", [("la_code", key.laCode), ("key_id", key.keyID), ("public_key", key.publicKey)])
        try await audit(.create, entity: "transfer_peer_key", entityID: id, personID: nil, detail: "la=\(key.laCode) key=\(key.keyID)")
    }

    /// A request to another LA for a young person's record, opened from a "known elsewhere?" match.
    @discardableResult
    public func requestTransfer(of personID: Int64, from la: LocalAuthorityCode) async throws -> Int64 {
        let id = try await insertReturningID(into: "transfer_request", [("person_id", personID), ("la_code", la.code), ("status", "requested")])
        try await audit(.create, entity: "transfer_request", entityID: id, personID: personID, detail: "la=\(la.code)")
        return id
    }
}

extension ChangeTransaction {
    /// Whether the young person is not yet linked to that LA's identifier.
    public func previousIdentifierMissing(of personID: Int64, la: String, identifier: String) async throws -> Bool {
        try await db.select().column("id").from("person_previous_identifier").where("person_id", .equal, personID)
            .where("la_code", .equal, la).where("identifier", .equal, identifier).first() == nil
    }
}
