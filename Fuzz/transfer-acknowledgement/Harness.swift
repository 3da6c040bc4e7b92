import Foundation
import WaymarkCore
import WaymarkFormats

/// An acknowledgement file as the receiving LA (or anyone) might send it
/// back: any bytes are read as its envelope and as its payload, or refused
/// with named problems — never a crash. What is read keeps the rules (a
/// 64-hex package id, identifiers of the right LAs, a new identifier only
/// when accepted) and writes back to bytes that read the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Data(bytes: data, count: count)
    do {
        let envelope = try TransferPackageReader.envelope(bytes, limits: .acknowledgement)
        if bytes.count > TransferLimits.acknowledgement.maxFileBytes { fatalError("an envelope over the limit was read") }
        if envelope.signature.count != 64 { fatalError("an envelope was read with a \(envelope.signature.count)-byte signature") }
        check(envelope.payload)
    } catch {
        if error.problems.isEmpty { fatalError("an envelope refusal names no problem") }
    }
    check(bytes)
    return 0
}

func check(_ payload: Data) {
    do {
        let answer = try TransferAcknowledgementReader.acknowledgement(payload)
        if payload.count > TransferLimits.acknowledgement.maxFileBytes { fatalError("a payload over the limit was read") }
        if answer.fromLA == answer.toLA { fatalError("an LA acknowledged its own package") }
        if answer.packageSHA256.utf8.count != 64 { fatalError("package id '\(answer.packageSHA256)'") }
        if !answer.previousIdentifier.hasPrefix(answer.toLA.code + "-") { fatalError("previous identifier \(answer.previousIdentifier) of another LA") }
        switch answer.decision {
        case .accepted:
            guard let new = answer.newIdentifier, new.hasPrefix(answer.fromLA.code + "-") else { fatalError("accepted without an identifier of \(answer.fromLA.code)") }
        case .declined:
            if answer.newIdentifier != nil { fatalError("declined with a new identifier") }
        }
        let again = try TransferAcknowledgementReader.acknowledgement(TransferAcknowledgementWriter.payload(answer))
        if again != answer { fatalError("an acknowledgement did not read back as written") }
    } catch {
        if error.problems.isEmpty { fatalError("an acknowledgement refusal names no problem") }
    }
}
