import Foundation
import WaymarkCore
import WaymarkFormats

/// A transfer file as a stranger (or a compromised neighbour) might send it:
/// any bytes are read as an envelope, a package, or a known-elsewhere index
/// file, or refused with named problems — never a crash — and what is read
/// keeps the limits and writes back to bytes that read the same.
let limits = TransferLimits(maxFileBytes: 65_536, maxListItems: 50, maxTextLength: 200)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Data(bytes: data, count: count)
    do {
        let envelope = try TransferPackageReader.envelope(bytes, limits: limits)
        if envelope.signature.count != 64 { fatalError("an envelope was read with a \(envelope.signature.count)-byte signature") }
        if try TransferPackageReader.envelope(TransferPackageWriter.envelope(envelope), limits: TransferLimits.standard) != envelope {
            fatalError("an envelope did not read back as written")
        }
    } catch {
        if error.problems.isEmpty { fatalError("an envelope refusal names no problem") }
    }
    do {
        let package = try TransferPackageReader.package(bytes, limits: limits)
        for list in [package.activities.count, package.needs.count, package.characteristics.count, package.consents.count] where list > limits.maxListItems {
            fatalError("a list passed the limit")
        }
        let again = try TransferPackageReader.package(TransferPackageWriter.payload(package), limits: TransferLimits.standard)
        if again != package { fatalError("a package did not read back as written") }
    } catch {
        if error.problems.isEmpty { fatalError("a package refusal names no problem") }
    }
    var reader = KnownElsewhereFileReader(maxDigests: 1_000)
    do {
        let digests = try reader.feed(bytes)
        try reader.finish()
        if digests.contains(where: { $0.utf8.count != 32 }) { fatalError("a digest is not 32 characters") }
        if reader.header == nil { fatalError("a file without a header was read") }
    } catch {
        if error.rule.isEmpty { fatalError("a refusal names no rule") }
    }
    return 0
}
