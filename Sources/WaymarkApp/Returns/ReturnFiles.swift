import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Return files hold a whole cohort's personal data: only the account that
/// runs Waymark may read them, and Waymark's own returns directory is closed
/// to everyone else too.
public enum ReturnFiles {
    static let fileMode = 0o600
    static let directoryMode = 0o700

    /// Creates Waymark's returns directory, or closes an existing one, to the owner.
    public static func prepareDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: directoryMode])
        try FileManager.default.setAttributes([.posixPermissions: directoryMode], ofItemAtPath: path)
    }

    /// Creates an empty file readable by the owner alone; any earlier one at `path` is replaced.
    static func createPrivateFile(_ path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        // A directory the caller named and that already exists (say /tmp) is theirs to set; only a new one is closed.
        if !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: directoryMode])
        }
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: fileMode]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        // createFile may reuse an existing file's mode; set it outright.
        try FileManager.default.setAttributes([.posixPermissions: fileMode], ofItemAtPath: path)
    }

    /// Moves a finished file to its name in one step, replacing any file there:
    /// a reader sees the old file or the new one, never none and never half.
    /// The mode the file was created with (owner only) goes with it.
    static func putInPlace(_ finished: String, at path: String) throws {
        guard rename(finished, path) == 0 else {
            let code = POSIXErrorCode(rawValue: errno) ?? .EIO
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(code)])
        }
    }

    /// Removes what earlier, interrupted attempts at `name` left unfinished in `directory`.
    static func removeUnfinished(of name: String, in directory: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for leftover in names where leftover.hasPrefix(name + ".partial") {
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: directory).appendingPathComponent(leftover).path)
        }
    }

    /// Whether a file in the returns directory is one Waymark wrote (a return or an interrupted one:
    /// `….xml.partial`, or `….xml.partial-N` from a job's Nth claim).
    static func isReturnFile(_ name: String) -> Bool {
        name.hasPrefix("nccis-") && (name.hasSuffix(".xml") || name.contains(".xml.partial"))
    }
}
