import Crypto
public import Foundation
public import WaymarkCore
public import WaymarkFormats
public import WaymarkRecords
public import WaymarkStore

/// A transfer file made for sending, and what it left out.
public struct TransferExport: Sendable {
    public let transferID: Int64
    public let data: Data
    public let fileName: String
    public let sha256: String
    public let withheld: [SensitivityClass]
}

/// Moving young people between local authorities (issue 15, item 5): the
/// NCCIS transfer and the signed package out; packages in, checked, kept
/// and acknowledged, then accepted (the young person added or linked, with
/// their previous identifier) or declined with a reason. Every call takes
/// a grant with `transferPeople`; the command line passes an operator's actor.
public struct TransferDesk: Sendable {
    let store: Store
    let registry: LocalAuthorityRegistry
    let laCode: LocalAuthorityCode
    public var limits = TransferLimits.standard

    public init(store: Store, registry: LocalAuthorityRegistry, laCode: LocalAuthorityCode) {
        self.store = store
        self.registry = registry
        self.laCode = laCode
    }

    public func export(for grant: AccessGrant, person: Int64, to destination: String, movedOn: CalendarDate, at now: Date) async throws -> TransferExport {
        try grant.require(.transferPeople)
        guard try await CaseloadLookup(store: store).placement(of: person, in: grant.scope) != nil else {
            throw Refusal.notFound("There is no young person \(person) in your records.")
        }
        return try await export(person: person, to: destination, movedOn: movedOn, by: grant.actor, at: now)
    }

    /// Records cohort status T with the LA moved to and the package sent, in
    /// one change; returns the signed file. Nothing is recorded if signing fails.
    public func export(person: Int64, to destination: String, movedOn: CalendarDate, by actor: Actor, at now: Date) async throws -> TransferExport {
        let to: LocalAuthorityCode
        do { to = try registry.code(destination, field: "to") } catch {
            throw Refusal.invalid("to: '\(destination)' is not a local authority code (three digits, e.g. 886)")
        }
        guard to != laCode, to.isValidTransferDestination else {
            throw Refusal.invalid("to: a young person moves to another authority; \(to.code) cannot be the LA they moved to (NCCIS errors 41, 42)")
        }
        guard let made = try await TransferPackageMaker(store: store, registry: registry, laCode: laCode).make(person: person, to: to, movedOn: movedOn, at: now) else {
            throw Refusal.notFound("There is no young person \(person) in LA \(laCode.code).")
        }
        let payload = TransferPackageWriter.payload(made.package)
        let signing = TransferSigning(store: store, laCode: laCode)
        let (keyID, signature) = try await signing.sign(payload, at: now)
        let file = TransferPackageWriter.envelope(TransferEnvelope(fromLA: laCode, toLA: to, keyID: keyID, payload: payload, signature: signature))
        let sha = Self.sha256(file)
        let transfer = NewTransferOut(personID: person, toLA: to, movedOn: movedOn, packageSHA256: sha, keyID: keyID, withheldClasses: made.withheld)
        let id = try await store.change(by: actor, at: now) { tx in try await tx.recordTransferOut(transfer) }
        return TransferExport(
            transferID: id, data: file, fileName: "transfer-\(laCode.code)-to-\(to.code)-\(id).json", sha256: sha, withheld: made.withheld)
    }

    public func publicKey(for grant: AccessGrant, at now: Date) async throws -> PeerKey {
        try grant.require(.transferPeople)
        return try await TransferSigning(store: store, laCode: laCode).publicKey(at: now)
    }

    public func addPeerKey(for grant: AccessGrant, la: String, base64 text: String, at now: Date) async throws -> PeerKey {
        try grant.require(.transferPeople)
        return try await addPeerKey(la: la, base64: text, by: grant.actor, at: now)
    }

    public func addPeerKey(la: String, base64 text: String, by actor: Actor, at now: Date) async throws -> PeerKey {
        let code: LocalAuthorityCode
        do { code = try registry.code(la, field: "la") } catch { throw Refusal.invalid("la: '\(la)' is not a local authority code") }
        let key = try TransferSigning.peerKey(la: code, base64: text)
        try await store.change(by: actor, at: now) { tx in try await tx.addPeerKey(key) }
        return key
    }

    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
