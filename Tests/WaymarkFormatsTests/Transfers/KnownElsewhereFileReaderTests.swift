import Testing
import WaymarkFormats

@Suite struct KnownElsewhereFileReaderTests {
    static let digest = String(repeating: "ab", count: 16)

    func read(_ text: String, chunk: Int = 7) throws(KnownElsewhereFileError) -> (KnownElsewhereFileHeader?, [String]) {
        var reader = KnownElsewhereFileReader()
        var found: [String] = []
        let bytes = Array(text.utf8)
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            found += try reader.feed(bytes[start..<min(start + chunk, bytes.count)])
        }
        try reader.finish()
        return (reader.header, found)
    }

    @Test func aFileReadInAnyChunksGivesItsHeaderAndDigests() throws {
        let text = KnownElsewhereFileWriter.header(KnownElsewhereFileHeader(laCode: "886", keyID: "se-2026")) + "\(Self.digest)\n\(Self.digest.uppercased().lowercased())\n" + KnownElsewhereFileWriter.trailer(count: 2)
        for chunk in [1, 5, 64, 10_000] {
            let (header, digests) = try read(text, chunk: chunk)
            #expect(header == KnownElsewhereFileHeader(laCode: "886", keyID: "se-2026"))
            #expect(digests == [Self.digest, Self.digest])
        }
    }

    @Test func aBadLineOrACutShortFileIsRefusedNamingTheLine() throws {
        let head = "waymark-known-elsewhere 1\nla 886\nkey k\n"
        let cases: [(String, Int, String)] = [
            (head + "XYZ\nend 1\n", 4, "hex"),
            (head + "\(Self.digest)\n", 4, "trailer"),
            (head + "\(Self.digest)\nend 2\n", 5, "count"),
            ("not ours\n", 1, "format"),
            ("waymark-known-elsewhere 1\nla Kent\n", 2, "la-code"),
            (head + "end 0\n\(Self.digest)\n", 5, "after-end"),
            (head + String(repeating: "a", count: 300) + "\n", 4, "length"),
        ]
        for (text, line, rule) in cases {
            let error = #expect(throws: KnownElsewhereFileError.self) { try read(text) }
            #expect(error?.rule == rule, "\(text.prefix(40))")
            #expect(error?.line == line, "\(rule)")
        }
    }
}
