import Foundation

/// The uploaded bytes as a private file for ZIPFoundation to read.
///
/// ZIPFoundation's in-memory archive (`Archive(data:)`) traps when a damaged
/// central directory points past the end of the data: its read callback
/// computes a negative length. Reading from a file, the same seek simply
/// comes back short and ZIPFoundation reports a damaged archive. The file is
/// in /dev/shm where there is one (memory, not disk: it holds personal data),
/// readable only by this process's user, and removed as soon as it is read.
struct XLSXArchiveFile {
    let url: URL

    init(_ data: Data) throws(ImportFileError) {
        let memory = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
        var isDirectory: ObjCBool = false
        let folder =
            FileManager.default.fileExists(atPath: memory.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? memory : FileManager.default.temporaryDirectory
        url = folder.appendingPathComponent("waymark-xlsx-\(UUID().uuidString)")
        // Created with its final permissions, so that no other user can open it even for a moment.
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw Self.failure }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.close()
        } catch {
            remove()
            throw Self.failure
        }
    }

    static let failure = ImportFileError.notXLSX(reason: "it could not be opened for reading (no room for a temporary copy)")

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
