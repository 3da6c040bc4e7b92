public import Foundation
public import WaymarkCore
public import WaymarkFormats
public import WaymarkRecords
public import WaymarkStore

/// The receipt for a package kept: what the receiving LA tells the sender it has.
public struct TransferReceipt: Sendable, Equatable {
    public let transferID: Int64
    public let fromLA: String
    public let sha256: String
    public let previousIdentifier: String
    public let receivedAt: String

    /// The receipt of a package kept earlier, as shown again on the page.
    public init(_ stored: StoredTransferIn) {
        self.init(
            transferID: stored.id, fromLA: stored.fromLA, sha256: stored.packageSHA256, previousIdentifier: stored.previousIdentifier,
            receivedAt: stored.receivedAt)
    }

    init(transferID: Int64, fromLA: String, sha256: String, previousIdentifier: String, receivedAt: String) {
        self.transferID = transferID
        self.fromLA = fromLA
        self.sha256 = sha256
        self.previousIdentifier = previousIdentifier
        self.receivedAt = receivedAt
    }

    /// The acknowledgement, in words both data managers can quote.
    public var acknowledgement: String {
        "Received from LA \(fromLA) at \(receivedAt): package \(sha256.prefix(16)) for record \(previousIdentifier), kept as transfer \(transferID) awaiting a decision."
    }
}

/// Why a received file was refused: the reader's problems, or a check of the envelope.
public struct TransferRefused: Error, Sendable, CustomStringConvertible {
    public let problems: [TransferProblem]

    public var description: String { TransferFileError(problems).description }

    init(_ field: String, _ rule: String, _ message: String) {
        problems = [TransferProblem(field: field, rule: rule, message: message)]
    }

    init(_ error: TransferFileError) {
        problems = error.problems
    }
}

extension TransferDesk {
    public func receive(for grant: AccessGrant, file: Data, at now: Date) async throws -> TransferReceipt {
        try grant.require(.transferPeople)
        return try await receive(file: file, by: grant.actor, at: now)
    }

    /// Checks a transfer file whole — size, shape, addressee, the sender's
    /// key and signature, then every field — and keeps it awaiting a
    /// decision. A file failing any check is refused and nothing is kept.
    public func receive(file: Data, by actor: Actor, at now: Date) async throws -> TransferReceipt {
        let envelope = try await signedEnvelope(file, limits: limits)
        let queries = TransferQueries(store: store)
        let package: TransferPackage
        do { package = try TransferPackageReader.package(envelope.payload, registry: registry, limits: limits) } catch { throw TransferRefused(error) }
        guard package.fromLA == envelope.fromLA, package.toLA == envelope.toLA else {
            throw TransferRefused("fromLA", "envelope", "the package's sender or addressee differs from its envelope's")
        }
        let sha = Self.sha256(file)
        guard try await !queries.packageSeen(sha256: sha) else {
            throw TransferRefused("the file", "repeat", "this package was received before (\(sha.prefix(16))); nothing was changed")
        }
        let payload = String(decoding: envelope.payload, as: UTF8.self)
        let from = envelope.fromLA
        let id = try await store.change(by: actor, at: now) { tx in
            try await tx.receiveTransfer(fromLA: from, packageSHA256: sha, previousIdentifier: package.previousIdentifier, payload: payload)
        }
        return TransferReceipt(transferID: id, fromLA: from.code, sha256: sha, previousIdentifier: package.previousIdentifier, receivedAt: Timestamp.format(now))
    }

    /// A signed file's envelope, checked whole: size and shape, addressed to
    /// this LA, signed by a key the keyring holds for its sender, and the
    /// signature good. The contents are read only after this passes.
    func signedEnvelope(_ file: Data, limits: TransferLimits) async throws -> TransferEnvelope {
        let envelope: TransferEnvelope
        do { envelope = try TransferPackageReader.envelope(file, registry: registry, limits: limits) } catch { throw TransferRefused(error) }
        guard envelope.toLA == laCode else {
            throw TransferRefused("toLA", "addressee", "the file is addressed to LA \(envelope.toLA.code); this is LA \(laCode.code)")
        }
        let keys = try await TransferQueries(store: store).peerKeys(of: envelope.fromLA.code)
        guard !keys.isEmpty else {
            throw TransferRefused("fromLA", "keyring", "no key of LA \(envelope.fromLA.code) is in the keyring; add theirs with waymark transfer keys add")
        }
        guard keys.contains(where: { $0.keyID == envelope.keyID }) else {
            throw TransferRefused("keyID", "keyring", "key \(envelope.keyID.prefix(40)) is not one of LA \(envelope.fromLA.code)'s keys in the keyring")
        }
        guard TransferSigning.verify(envelope, against: keys) else {
            throw TransferRefused("signature", "signature", "the signature does not match the file: it was changed after signing, or signed with another key")
        }
        return envelope
    }

    /// The packages received, waiting ones first.
    public func received(for grant: AccessGrant) async throws -> [StoredTransferIn] {
        try grant.require(.transferPeople)
        return try await TransferQueries(store: store).transfersIn()
    }

    /// A package waiting for a decision, read again from what was kept (it was checked when received).
    public func waiting(for grant: AccessGrant, id: Int64, at now: Date) async throws -> (StoredTransferIn, TransferPackage) {
        try grant.require(.transferPeople)
        return try await waiting(id)
    }

    func waiting(_ id: Int64) async throws -> (StoredTransferIn, TransferPackage) {
        guard let stored = try await TransferQueries(store: store).transferIn(id) else { throw Refusal.notFound("There is no transfer \(id).") }
        guard stored.status == .received, let payload = stored.payload else {
            throw Refusal.conflict("Transfer \(id) was already \(stored.status.rawValue).")
        }
        do {
            return (stored, try TransferPackageReader.package(Data(payload.utf8), registry: registry, limits: limits))
        } catch {
            throw Refusal.conflict("Transfer \(id) can no longer be read: \(error.description)")
        }
    }

    public func decline(for grant: AccessGrant, id: Int64, reason: String, at now: Date) async throws {
        try grant.require(.transferPeople)
        try await decline(id: id, reason: reason, by: grant.actor, at: now)
    }

    /// Refuses a package with a reason; its content is dropped, the receipt and reason kept.
    public func decline(id: Int64, reason typed: String, by actor: Actor, at now: Date) async throws {
        let reason = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        guard reason.count >= 5, reason.count <= 500 else {
            throw Refusal.invalid("reason: say in a few words (5–500 characters) why the package is declined (kept here; the acknowledgement says only that it was declined)")
        }
        _ = try await waiting(id)
        try await store.change(by: actor, at: now) { tx in try await tx.declineTransfer(id, reason: reason) }
    }
}
