/// What an LA publishes to the "known elsewhere?" index: a header naming
/// the LA and the region's key (by id, never the key), one keyed digest a
/// line (32 lower-case hex digits: the first 16 bytes of HMAC-SHA256), and a
/// trailer with the count, so a cut-short file is refused:
///
///     waymark-known-elsewhere 1
///     la 886
///     key south-east-2026
///     3f0c…(32 hex)
///     …
///     end 41250
public struct KnownElsewhereFileHeader: Sendable, Equatable {
    public static let magic = "waymark-known-elsewhere 1"
    public let laCode: String
    public let keyID: String

    public init(laCode: String, keyID: String) {
        self.laCode = laCode
        self.keyID = keyID
    }
}

/// A refused index file, naming the line, the field and the rule.
public struct KnownElsewhereFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let field: String
    public let rule: String
    public let message: String

    public var description: String { "line \(line), \(field): \(message) [\(rule)]; nothing was loaded" }
}

public enum KnownElsewhereFileWriter {
    public static func header(_ header: KnownElsewhereFileHeader) -> String {
        "\(KnownElsewhereFileHeader.magic)\nla \(header.laCode)\nkey \(header.keyID)\n"
    }

    public static func trailer(count: Int) -> String { "end \(count)\n" }
}

/// Reads an index file fed in chunks of any size, so a national file is
/// never held whole: each ``feed(_:)`` returns the digests completed in it.
public struct KnownElsewhereFileReader: Sendable {
    public private(set) var header: KnownElsewhereFileHeader?
    public private(set) var digests = 0
    public let maxDigests: Int
    private var pending: [UInt8] = []
    private var line = 0
    private var headerLines: [String] = []
    private var ended = false

    static let maxLineBytes = 200

    public init(maxDigests: Int = 20_000_000) {
        self.maxDigests = maxDigests
    }

    public mutating func feed(_ bytes: some Sequence<UInt8>) throws(KnownElsewhereFileError) -> [String] {
        var found: [String] = []
        for byte in bytes {
            if byte == 0x0A {
                line += 1
                if let digest = try take(pending) { found.append(digest) }
                pending.removeAll(keepingCapacity: true)
            } else {
                guard pending.count < Self.maxLineBytes else {
                    throw KnownElsewhereFileError(line: line + 1, field: "line", rule: "length", message: "longer than \(Self.maxLineBytes) bytes")
                }
                pending.append(byte)
            }
        }
        return found
    }

    /// Call at the end of the file: a missing or wrong trailer refuses it.
    public mutating func finish() throws(KnownElsewhereFileError) {
        if !pending.isEmpty {
            line += 1
            _ = try take(pending)
            pending.removeAll()
        }
        guard header != nil else { throw fail("header", "header", "the file ends before its header (\(KnownElsewhereFileHeader.magic), la, key)") }
        guard ended else { throw fail("end", "trailer", "the file has no 'end <count>' line: it may have been cut short") }
    }

    private mutating func take(_ bytes: [UInt8]) throws(KnownElsewhereFileError) -> String? {
        var text = bytes
        if text.last == 0x0D { text.removeLast() }
        guard !ended else { throw fail("line", "after-end", "nothing may follow the 'end' line") }
        guard let value = String(validating: text, as: UTF8.self) else { throw fail("line", "utf8", "not UTF-8 text") }
        if header == nil { try readHeader(value); return nil }
        if value.hasPrefix("end ") {
            guard let count = Int(value.dropFirst(4)), count == digests else {
                throw fail("end", "count", "the trailer says \(value.dropFirst(4).prefix(20)) digests; the file holds \(digests)")
            }
            ended = true
            return nil
        }
        guard value.utf8.count == 32, value.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw fail("digest", "hex", "a digest is 32 lower-case hexadecimal digits")
        }
        digests += 1
        guard digests <= maxDigests else { throw fail("digest", "count", "more than \(maxDigests) digests") }
        return value
    }

    private mutating func readHeader(_ value: String) throws(KnownElsewhereFileError) {
        headerLines.append(value)
        switch headerLines.count {
        case 1:
            guard value == KnownElsewhereFileHeader.magic else { throw fail("header", "format", "not a Waymark known-elsewhere file (\(KnownElsewhereFileHeader.magic))") }
        case 2:
            let code = value.dropFirst(3)
            guard value.hasPrefix("la "), code.count == 3, code.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                throw fail("la", "la-code", "the second line is 'la ' and the publishing LA's 3-digit code")
            }
        default:
            let key = value.dropFirst(4)
            guard value.hasPrefix("key "), (1...64).contains(key.count),
                  key.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                throw fail("key", "key-id", "the third line is 'key ' and the region key's id (1–64 printable characters)")
            }
            header = KnownElsewhereFileHeader(laCode: String(headerLines[1].dropFirst(3)), keyID: String(key))
        }
    }

    private func fail(_ field: String, _ rule: String, _ message: String) -> KnownElsewhereFileError {
        KnownElsewhereFileError(line: line, field: field, rule: rule, message: message)
    }
}
