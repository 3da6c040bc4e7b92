import Crypto
public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// Writes a return to a file, keeps it in the history and audits it. The file
/// appears only when it is complete: it is written beside the target and
/// renamed at the end, so an interrupted export leaves nothing to send by mistake.
public struct NCCISExport: Sendable {
    public enum Refusal: Error, CustomStringConvertible {
        case notReady([String])

        public var description: String {
            switch self {
            case .notReady(let reasons): "The return was not written:\n" + reasons.map { "  - " + $0 }.joined(separator: "\n")
            }
        }
    }

    let builder: NCCISReturnBuilder
    let store: Store

    public init(builder: NCCISReturnBuilder, store: Store) {
        self.builder = builder
        self.store = store
    }

    /// Exports, unless something would reject the file (or `force` is set).
    public func export(
        periodEnd: CalendarDate, dateOfSend: CalendarDate, to path: String, by actor: Actor, at now: Date, force: Bool = false,
        progress: PersonBundleReader.ReadProgress? = nil
    ) async throws -> (readiness: ReturnReadiness, generated: GeneratedReturn) {
        let partial = path + ".partial"
        try ReturnFiles.createPrivateFile(partial)
        guard let handle = FileHandle(forWritingAtPath: partial) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        var hasher = SHA256()
        var bytes: Int64 = 0
        var buffer = Data()
        let readiness: ReturnReadiness
        do {
            readiness = try await builder.build(periodEnd: periodEnd, dateOfSend: dateOfSend, write: { text in
                let data = Data(text.utf8)
                hasher.update(data: data)
                bytes += Int64(data.count)
                buffer.append(data)
                if buffer.count >= 1 << 20 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }, progress: progress)
            try handle.write(contentsOf: buffer)
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        let blockers = readiness.blockers
        guard blockers.isEmpty || (force && readiness.records > 0) else {
            try? FileManager.default.removeItem(atPath: partial)
            throw Refusal.notReady(blockers)
        }
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: partial, toPath: path)
        let generated = GeneratedReturn(
            kind: "nccis-monthly", laCode: builder.laCode.code, periodEnd: periodEnd, records: readiness.records,
            findings: readiness.findingCount, rejectingFindings: readiness.rejectingCount,
            sha256: hasher.finalize().map { String(format: "%02x", $0) }.joined(), byteCount: bytes,
            fileName: URL(fileURLWithPath: path).lastPathComponent)
        try await store.change(by: actor, at: now) { tx in try await tx.recordGeneratedReturn(generated) }
        return (readiness, generated)
    }
}
