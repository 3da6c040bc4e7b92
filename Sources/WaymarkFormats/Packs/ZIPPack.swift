public import Foundation
import ZIPFoundation

/// A ZIP file built in memory from named entries, deflated: what a subject
/// access pack is handed over as. Nothing touches the disk, so a person's
/// whole record never lies in a temporary file.
public enum ZIPPack {
    public struct Entry: Sendable {
        public let path: String
        public let data: Data

        public init(path: String, data: Data) {
            self.path = path
            self.data = data
        }
    }

    public struct WriteError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The archive's bytes. `modified` is stamped on every entry.
    public static func archive(_ entries: [Entry], modified: Date) throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw WriteError(description: "the ZIP archive could not be started")
        }
        for entry in entries {
            let data = entry.data
            do {
                try archive.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified, compressionMethod: .deflate,
                    provider: { position, size in
                        let start = Int(position)
                        return data.subdata(in: start..<min(start + size, data.count))
                    })
            } catch {
                throw WriteError(description: "\(entry.path) could not be added to the ZIP archive")
            }
        }
        guard let bytes = archive.data else { throw WriteError(description: "the ZIP archive could not be finished") }
        return bytes
    }
}
