public import Foundation
public import WaymarkCore

/// Reads transfer files from another local authority: bounded in size,
/// refused whole on the first structural fault, and otherwise checked field
/// by field so every bad value is named (`activities[2].code: '999' is not a
/// recognised code [code]`). Pure: the signature is checked by the caller
/// between ``envelope(_:limits:)`` and ``package(_:limits:)``.
public enum TransferPackageReader {
    public static func envelope(
        _ data: Data, registry: LocalAuthorityRegistry = .national, limits: TransferLimits = .standard
    ) throws(TransferFileError) -> TransferEnvelope {
        guard data.count <= limits.maxFileBytes else {
            throw TransferFileError(field: "the file", rule: "size", "the file is \(data.count) bytes; a transfer file is at most \(limits.maxFileBytes)")
        }
        let wire = try decode(TransferEnvelopeWire.self, from: data)
        guard wire.format == TransferEnvelope.format else {
            throw TransferFileError(field: "format", rule: "format", "'\(clip(wire.format))' is not a Waymark transfer file (\(TransferEnvelope.format))")
        }
        guard wire.version == TransferEnvelope.version else {
            throw TransferFileError(field: "version", rule: "version", "version \(wire.version) is not read here; this Waymark reads version \(TransferEnvelope.version)")
        }
        guard wire.algorithm == TransferEnvelope.algorithm else {
            throw TransferFileError(field: "algorithm", rule: "algorithm", "'\(clip(wire.algorithm))' is not accepted; transfer files are signed with \(TransferEnvelope.algorithm)")
        }
        var check = FieldCheck(limits: limits, registry: registry)
        let from = check.laCode(wire.fromLA, "fromLA")
        let to = check.laCode(wire.toLA, "toLA")
        _ = check.text(wire.keyID, "keyID", required: true)
        let payload = Data(base64Encoded: wire.payload)
        if payload == nil { check.fail("payload", "base64", "the package is not base64") }
        let signature = Data(base64Encoded: wire.signature)
        if signature?.count != 64 { check.fail("signature", "signature", "an Ed25519 signature is 64 bytes of base64") }
        guard check.problems.isEmpty, let from, let to, let payload, let signature else { throw TransferFileError(check.problems) }
        return TransferEnvelope(fromLA: from, toLA: to, keyID: wire.keyID, payload: payload, signature: signature)
    }

    public static func package(
        _ payload: Data, registry: LocalAuthorityRegistry = .national, limits: TransferLimits = .standard
    ) throws(TransferFileError) -> TransferPackage {
        guard payload.count <= limits.maxFileBytes else {
            throw TransferFileError(field: "payload", rule: "size", "the package is \(payload.count) bytes; at most \(limits.maxFileBytes)")
        }
        let wire = try decode(TransferWire.self, from: payload)
        guard wire.format == TransferPackage.format, wire.version == TransferPackage.version else {
            throw TransferFileError(field: "format", rule: "version", "the package is not \(TransferPackage.format) version \(TransferPackage.version)")
        }
        var check = FieldCheck(limits: limits, registry: registry)
        for (name, count) in [("activities", wire.activities.count), ("needs", wire.needs.count), ("characteristics", wire.characteristics.count),
                              ("consents", wire.consents.count), ("withheld", wire.withheld.count), ("plan.goals", wire.plan?.goals.count ?? 0)]
        where count > limits.maxListItems {
            throw TransferFileError(field: name, rule: "list-size", "\(count) entries; at most \(limits.maxListItems)")
        }
        let package = TransferPackageFields.package(wire, check: &check)
        guard check.problems.isEmpty, let package else { throw TransferFileError(check.problems) }
        return package
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(TransferFileError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw TransferFileError(field: "the file", rule: "json", "the file is not JSON")
        }
    }

    static func describe(_ error: DecodingError) -> TransferFileError {
        func path(_ context: DecodingError.Context) -> String {
            let parts = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return parts.hasPrefix(".") ? String(parts.dropFirst()) : (parts.isEmpty ? "the file" : parts)
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return TransferFileError(field: parent == "the file" ? key.stringValue : "\(parent).\(key.stringValue)", rule: "required", "missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return TransferFileError(field: path(context), rule: "type", "not the expected kind of value")
        case .dataCorrupted(let context):
            return TransferFileError(field: path(context), rule: "json", "the file is not well-formed JSON")
        @unknown default:
            return TransferFileError(field: "the file", rule: "json", "the file could not be read")
        }
    }

    static func clip(_ text: String) -> String { String(text.prefix(40)) }
}
