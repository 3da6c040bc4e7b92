import Foundation
import Testing
import WaymarkCore

/// The encoder judged by a decoder it did not write: each symbol is drawn
/// as a PBM image (4 pixels a module, 4-module quiet zone) and read back
/// with zbar's `zbarimg`, across lengths that need versions 1 to 10.
@Suite struct QRCodeTests {
    static let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Strings of these lengths need each version from 1 to 10 at level M (capacities 14, 26, 42, 62, 84, 106, 122, 152, 180, 213).
    static let lengths = [1, 14, 15, 26, 40, 62, 80, 106, 120, 152, 170, 213]

    static func text(length: Int) -> String {
        // URL characters, varied, so every mask sees something different.
        let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789abcdefghijkmnopqrstuvwxyz/:.-_?=&")
        return String((0..<length).map { alphabet[($0 * 37 + length * 11) % alphabet.count] })
    }

    @Test func theVersionGrowsWithTheContentAndStopsAtTen() throws {
        #expect(try #require(QRCode(encoding: "https://waymark.example.gov.uk/c/ABCDEFGH")).version == 3)
        #expect(try #require(QRCode(encoding: Self.text(length: 14))).version == 1)
        #expect(try #require(QRCode(encoding: Self.text(length: 15))).version == 2)
        #expect(try #require(QRCode(encoding: Self.text(length: 213))).version == 10)
        #expect(QRCode(encoding: Self.text(length: 214)) == nil, "more than version 10 holds is refused, not truncated")
        #expect(QRCode.maxBytes == 213)
    }

    @Test func theFinderPatternsAndTimingAreWhereScannersLook() throws {
        let code = try #require(QRCode(encoding: "hello"))
        #expect(code.size == 21)
        for (x, y) in [(0, 0), (code.size - 7, 0), (0, code.size - 7)] {
            #expect((0..<7).allSatisfy { code.isDark(x: x + $0, y: y) && code.isDark(x: x, y: y + $0) }, "finder edge at \(x),\(y)")
            #expect(code.isDark(x: x + 3, y: y + 3) && !code.isDark(x: x + 1, y: y + 1), "finder centre and ring at \(x),\(y)")
        }
        #expect((8..<code.size - 8).allSatisfy { code.isDark(x: $0, y: 6) == ($0 % 2 == 0) }, "timing row alternates")
        #expect(code.isDark(x: 8, y: code.size - 8), "the dark module")
    }

    @Test(.enabled(if: zbarimg != nil, "zbarimg is not installed (apt-get install zbar-tools); decoding skipped"),
          arguments: lengths)
    func zbarReadsBackWhatWasEncoded(length: Int) throws {
        let text = Self.text(length: length)
        let code = try #require(QRCode(encoding: text))
        #expect(try Self.decode(code) == text, "version \(code.version), mask \(code.mask)")
    }

    @Test(.enabled(if: zbarimg != nil, "zbarimg is not installed (apt-get install zbar-tools); decoding skipped"))
    func zbarReadsShortLinksAndTextBeyondASCII() throws {
        for text in ["https://waymark.example.gov.uk/c/ABCDEFGH", "http://127.0.0.1:8080/c/23456789", "Crème brûlée – £5"] {
            #expect(try Self.decode(try #require(QRCode(encoding: text))) == text)
        }
    }

    /// Writes the symbol as a plain PBM and asks zbarimg for the bytes it holds.
    static func decode(_ code: QRCode) throws -> String {
        let scale = 4, quiet = 4
        let side = (code.size + 2 * quiet) * scale
        var image = "P1\n\(side) \(side)\n"
        for py in 0..<side {
            image += (0..<side).map { px in code.isDark(x: px / scale - quiet, y: py / scale - quiet) ? "1" : "0" }.joined(separator: " ") + "\n"
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-qr-\(UUID().uuidString).pbm")
        try image.write(to: file, atomically: true, encoding: .ascii)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(zbarimg))
        // -Sbinary: the bytes as encoded, without zbar guessing a character set.
        process.arguments = ["--raw", "-q", "-Sbinary", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
