public import Foundation
import WaymarkCore
import WaymarkFormats
public import WaymarkRecords
public import WaymarkStore

/// A signed acknowledgement, made for the sending LA: ids and the decision only.
public struct TransferAcknowledgementFile: Sendable {
    public let transferID: Int64
    public let data: Data
    public let fileName: String
}

/// What importing an acknowledgement did to a transfer sent from here.
public struct TransferAcknowledged: Sendable, Equatable {
    public let transferID: Int64
    public let personID: Int64
    public let byLA: String
    /// "accepted" or "declined".
    public let decision: String
    public let theirIdentifier: String?

    /// In words the data manager can quote.
    public var summary: String {
        switch theirIdentifier {
        case let identifier?:
            "LA \(byLA) accepted the transfer of young person \(personID) (transfer \(transferID)): they are \(identifier) there."
        case nil:
            "LA \(byLA) declined the transfer of young person \(personID) (transfer \(transferID))."
        }
    }
}

extension TransferDesk {
    public func acknowledgement(for grant: AccessGrant, id: Int64, at now: Date) async throws -> TransferAcknowledgementFile {
        try grant.require(.transferPeople)
        return try await acknowledgement(id: id, by: grant.actor, at: now)
    }

    /// The signed answer to a package accepted or declined here, for the data
    /// manager to send back to the authority it came from. Made again on
    /// request (the same bytes each time); each making is audited.
    public func acknowledgement(id: Int64, by actor: Actor, at now: Date) async throws -> TransferAcknowledgementFile {
        guard let stored = try await TransferQueries(store: store).transferIn(id) else { throw Refusal.notFound("There is no transfer \(id).") }
        let decision: TransferAcknowledgement.Decision
        switch stored.status {
        case .received: throw Refusal.conflict("Transfer \(id) is waiting for a decision: accept or decline it before acknowledging it.")
        case .accepted: decision = .accepted
        case .declined: decision = .declined
        }
        let to: LocalAuthorityCode
        do { to = try registry.code(stored.fromLA, field: "fromLA") } catch { throw Refusal.conflict("Transfer \(id) names LA \(stored.fromLA), which is not known.") }
        let decidedOn = stored.decidedAt.flatMap(Timestamp.parse).map { CalendarDate.today(from: $0) } ?? CalendarDate.today(from: now)
        let acknowledgement = TransferAcknowledgement(
            fromLA: laCode, toLA: to, packageSHA256: stored.packageSHA256, previousIdentifier: stored.previousIdentifier, decision: decision,
            newIdentifier: decision == .accepted ? stored.personID.map { TransferPackageMaker.identifier(la: laCode, person: $0) } : nil,
            decidedOn: decidedOn)
        let payload = TransferAcknowledgementWriter.payload(acknowledgement)
        let (keyID, signature) = try await TransferSigning(store: store, laCode: laCode).sign(payload, at: now)
        let file = TransferPackageWriter.envelope(TransferEnvelope(fromLA: laCode, toLA: to, keyID: keyID, payload: payload, signature: signature))
        try await store.change(by: actor, at: now) { tx in
            try await tx.recordAcknowledgementMade(transferID: id, personID: stored.personID, decision: decision.rawValue)
        }
        return TransferAcknowledgementFile(transferID: id, data: file, fileName: "acknowledgement-\(laCode.code)-to-\(to.code)-\(id).json")
    }

    public func acknowledge(for grant: AccessGrant, file: Data, at now: Date) async throws -> TransferAcknowledged {
        try grant.require(.transferPeople)
        return try await acknowledge(file: file, by: grant.actor, at: now)
    }

    /// Imports the receiving LA's acknowledgement of a package sent from
    /// here: checked whole like a package (size, shape, addressee, the
    /// receiver's key and signature, every field), then matched to the
    /// transfer by the package's hash. It must come from the LA the package
    /// went to, name the young person as we named them, and be the first
    /// answer to that transfer; otherwise it is refused and nothing changes.
    public func acknowledge(file: Data, by actor: Actor, at now: Date) async throws -> TransferAcknowledged {
        let envelope = try await signedEnvelope(file, limits: .acknowledgement)
        let answer: TransferAcknowledgement
        do { answer = try TransferAcknowledgementReader.acknowledgement(envelope.payload, registry: registry) } catch { throw TransferRefused(error) }
        guard answer.fromLA == envelope.fromLA, answer.toLA == envelope.toLA else {
            throw TransferRefused("fromLA", "envelope", "the acknowledgement's sender or addressee differs from its envelope's")
        }
        let queries = TransferQueries(store: store)
        let sha = Self.sha256(file)
        guard try await !queries.acknowledgementSeen(sha256: sha) else {
            throw TransferRefused("the file", "repeat", "this acknowledgement was imported before (\(sha.prefix(16))); nothing was changed")
        }
        guard let sent = try await queries.transferOut(packageSHA256: answer.packageSHA256) else {
            throw TransferRefused("packageSHA256", "unknown-package", "no transfer sent from here has package \(answer.packageSHA256.prefix(16))")
        }
        guard sent.toLA == answer.fromLA.code else {
            throw TransferRefused("fromLA", "addressee", "package \(answer.packageSHA256.prefix(16)) was sent to LA \(sent.toLA), not LA \(answer.fromLA.code)")
        }
        guard answer.previousIdentifier == TransferPackageMaker.identifier(la: laCode, person: sent.personID) else {
            throw TransferRefused("previousIdentifier", "identifier", "the package was sent for \(TransferPackageMaker.identifier(la: laCode, person: sent.personID)), not \(answer.previousIdentifier)")
        }
        if let earlier = sent.acknowledgement {
            throw TransferRefused("the file", "repeat", "transfer \(sent.id) was already acknowledged (\(earlier.decision) on \(earlier.decidedOn)); nothing was changed")
        }
        try await store.change(by: actor, at: now) { tx in
            try await tx.acknowledgeTransferOut(
                sent.id, personID: sent.personID, decision: answer.decision.rawValue, theirIdentifier: answer.newIdentifier, decidedOn: answer.decidedOn,
                acknowledgementSHA256: sha)
        }
        return TransferAcknowledged(
            transferID: sent.id, personID: sent.personID, byLA: answer.fromLA.code, decision: answer.decision.rawValue, theirIdentifier: answer.newIdentifier)
    }

    /// Transfers sent from here that the receiving LA has answered, latest first.
    public func acknowledged(for grant: AccessGrant) async throws -> [StoredTransferOut] {
        try grant.require(.transferPeople)
        return try await TransferQueries(store: store).acknowledgedTransfersOut()
    }
}
