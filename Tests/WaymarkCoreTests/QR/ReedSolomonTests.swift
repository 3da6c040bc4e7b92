import Testing
import WaymarkCore

/// Reed–Solomon against the worked example in ISO/IEC 18004 annex I:
/// "01234567" as a 1-M symbol, whose 16 data codewords get these 10.
@Suite struct ReedSolomonTests {
    @Test func theStandardsWorkedExampleGivesItsErrorCorrectionCodewords() {
        let data: [UInt8] = [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11]
        #expect(ReedSolomon(degree: 10).errorCorrection(for: data) == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
    }

    @Test func aCodewordWithItsCorrectionDividesExactly() {
        // data + remainder is a multiple of the generator: its own remainder is zero.
        let code = ReedSolomon(degree: 16)
        let data: [UInt8] = Array("https://example.org/c/ABCD".utf8)
        #expect(code.errorCorrection(for: data + code.errorCorrection(for: data)) == Array(repeating: 0, count: 16))
    }
}
