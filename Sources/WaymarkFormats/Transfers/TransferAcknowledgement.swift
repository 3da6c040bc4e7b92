public import Foundation
public import WaymarkCore

/// The receiving LA's answer to a transfer package, signed and sent back so
/// the sending LA's records show what became of the young person: which
/// package (by the hash of the file as sent), accepted or declined, and the
/// receiver's identifier for them when accepted. Identifiers and codes only:
/// no name, no reason typed by a worker, nothing about the young person.
/// It travels in the same signed envelope as a package
/// (``TransferEnvelope``); its `format` tells the two apart.
public struct TransferAcknowledgement: Sendable, Equatable {
    public static let format = "waymark-transfer-acknowledgement"
    public static let version = 1

    public enum Decision: String, Sendable, CaseIterable {
        case accepted, declined
    }

    /// The LA that received the package and acknowledges it.
    public var fromLA: LocalAuthorityCode
    /// The LA that sent the package.
    public var toLA: LocalAuthorityCode
    /// SHA-256 (lower-case hex) of the transfer file as sent: the package's id on both sides.
    public var packageSHA256: String
    /// The sender's identifier for the young person, from the package ("886-12").
    public var previousIdentifier: String
    public var decision: Decision
    /// The receiver's identifier for the young person ("990-5"), when accepted.
    public var newIdentifier: String?
    public var decidedOn: CalendarDate

    public init(
        fromLA: LocalAuthorityCode, toLA: LocalAuthorityCode, packageSHA256: String, previousIdentifier: String, decision: Decision,
        newIdentifier: String?, decidedOn: CalendarDate
    ) {
        self.fromLA = fromLA
        self.toLA = toLA
        self.packageSHA256 = packageSHA256
        self.previousIdentifier = previousIdentifier
        self.decision = decision
        self.newIdentifier = newIdentifier
        self.decidedOn = decidedOn
    }
}

extension TransferLimits {
    /// An acknowledgement is a few hundred bytes: anything over 8 KB is not one.
    public static let acknowledgement = TransferLimits(maxFileBytes: 8_192, maxListItems: 0, maxTextLength: 80)
}

/// The two fields every Waymark document starts with.
struct DocumentHead: Codable {
    var format: String
    var version: Int
}

/// The JSON shape of an acknowledgement, field for field.
struct TransferAcknowledgementWire: Codable {
    var format: String
    var version: Int
    var fromLA: String
    var toLA: String
    var packageSHA256: String
    var previousIdentifier: String
    var decision: String
    var newIdentifier: String?
    var decidedOn: String
}

public enum TransferAcknowledgementWriter {
    /// The bytes signed; keys sorted, so the same acknowledgement always gives the same bytes.
    public static func payload(_ acknowledgement: TransferAcknowledgement) -> Data {
        TransferPackageWriter.encode(
            TransferAcknowledgementWire(
                format: TransferAcknowledgement.format, version: TransferAcknowledgement.version, fromLA: acknowledgement.fromLA.code,
                toLA: acknowledgement.toLA.code, packageSHA256: acknowledgement.packageSHA256, previousIdentifier: acknowledgement.previousIdentifier,
                decision: acknowledgement.decision.rawValue, newIdentifier: acknowledgement.newIdentifier, decidedOn: acknowledgement.decidedOn.iso))
    }
}

/// Reads an acknowledgement's payload (after its envelope's signature was
/// checked): bounded, every field checked and every bad one named.
public enum TransferAcknowledgementReader {
    public static func acknowledgement(
        _ payload: Data, registry: LocalAuthorityRegistry = .national, limits: TransferLimits = .acknowledgement
    ) throws(TransferFileError) -> TransferAcknowledgement {
        guard payload.count <= limits.maxFileBytes else {
            throw TransferFileError(field: "payload", rule: "size", "the acknowledgement is \(payload.count) bytes; at most \(limits.maxFileBytes)")
        }
        // The document's name first, so a package sent here by mistake is named as one, not as a list of missing fields.
        let head = try TransferPackageReader.decode(DocumentHead.self, from: payload)
        guard head.format == TransferAcknowledgement.format else {
            throw TransferFileError(
                field: "format", rule: "format",
                "'\(TransferPackageReader.clip(head.format))' is not a transfer acknowledgement (\(TransferAcknowledgement.format))")
        }
        guard head.version == TransferAcknowledgement.version else {
            throw TransferFileError(
                field: "version", rule: "version", "version \(head.version) is not read here; this Waymark reads version \(TransferAcknowledgement.version)")
        }
        let wire = try TransferPackageReader.decode(TransferAcknowledgementWire.self, from: payload)
        var check = FieldCheck(limits: limits, registry: registry)
        let from = check.laCode(wire.fromLA, "fromLA")
        let to = check.laCode(wire.toLA, "toLA")
        if let from, from == to { check.fail("toLA", "la-code", "an authority does not acknowledge its own package") }
        let sha = wire.packageSHA256
        if sha.utf8.count != 64 || !sha.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) {
            check.fail("packageSHA256", "sha256", "a package id is 64 lower-case hexadecimal digits")
        }
        let decision = check.raw(TransferAcknowledgement.Decision.self, wire.decision, "decision")
        let previous = identifier(wire.previousIdentifier, "previousIdentifier", of: to, check: &check)
        let new = wire.newIdentifier.flatMap { identifier($0, "newIdentifier", of: from, check: &check) }
        switch decision {
        case .accepted where wire.newIdentifier == nil: check.fail("newIdentifier", "required", "an accepted transfer names the young person's new identifier")
        case .declined where wire.newIdentifier != nil: check.fail("newIdentifier", "declined", "a declined transfer has no new identifier")
        default: break
        }
        let decidedOn = check.requiredDate(wire.decidedOn, "decidedOn")
        guard check.problems.isEmpty, let from, let to, let decision, let previous, let decidedOn else { throw TransferFileError(check.problems) }
        return TransferAcknowledgement(
            fromLA: from, toLA: to, packageSHA256: sha, previousIdentifier: previous, decision: decision, newIdentifier: new, decidedOn: decidedOn)
    }

    /// An identifier as Waymark makes them: the LA's code, a hyphen and a record number.
    static func identifier(_ value: String, _ field: String, of la: LocalAuthorityCode?, check: inout FieldCheck) -> String? {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count == 3, (1...18).contains(parts[1].utf8.count),
              value.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2D }) else {
            check.fail(field, "identifier", "'\(TransferPackageReader.clip(value))' is not an identifier (LA code, hyphen, record number: 886-12)")
            return nil
        }
        if let la, parts[0] != la.code {
            check.fail(field, "identifier", "'\(value)' is not an identifier of LA \(la.code)")
            return nil
        }
        return value
    }
}
