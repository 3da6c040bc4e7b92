import Crypto
public import Foundation
public import WaymarkFormats
public import WaymarkStore

/// An index file read from disk a megabyte at a time through
/// ``KnownElsewhereFileReader``: memory stays flat however many digests it holds.
/// Used by one load at a time, in order (hence unchecked Sendable).
public final class KnownElsewhereFileSource: KnownElsewhereDigestSource, @unchecked Sendable {
    let handle: FileHandle
    var reader = KnownElsewhereFileReader()
    var finished = false
    static let chunk = 1 << 20

    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Refusal.invalid("\(path): cannot be read") }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// Reads up to the header, so the caller can check the LA and key before loading.
    public func header() throws -> KnownElsewhereFileHeader {
        while reader.header == nil {
            guard let batch = try nextBatch() else { break }
            pendingDigests += batch
        }
        guard let header = reader.header else { throw Refusal.invalid("line 1, header: the file has no header [header]; nothing was loaded") }
        return header
    }

    var pendingDigests: [String] = []

    public func nextBatch() throws -> [String]? {
        if !pendingDigests.isEmpty {
            defer { pendingDigests = [] }
            return pendingDigests
        }
        guard !finished else { return nil }
        let data = try handle.read(upToCount: Self.chunk) ?? Data()
        if data.isEmpty {
            finished = true
            try reader.finish()
            return nil
        }
        return try reader.feed(data)
    }

    /// The file's SHA-256, read a megabyte at a time: the index keeps it to say which file each LA's digests came from.
    public static func sha256(of path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Refusal.invalid("\(path): cannot be read") }
        defer { try? handle.close() }
        var hash = SHA256()
        while let piece = try handle.read(upToCount: Self.chunk), !piece.isEmpty { hash.update(data: piece) }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
