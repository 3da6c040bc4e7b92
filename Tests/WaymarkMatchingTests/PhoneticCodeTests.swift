import Testing
import WaymarkMatching

/// The sound code makes common misspellings collide and keeps different names apart.
@Suite struct PhoneticCodeTests {
    @Test(arguments: [
        ("jackson", "jakson"), ("jackson", "jaxon"), ("smith", "smyth"), ("katherine", "catherine"), ("philip", "filip"),
        ("mohammed", "muhammad"), ("mohammed", "mohamed"), ("thompson", "thomson"), ("knight", "night"), ("wright", "right"),
        ("jackson", "jacksn"), ("hussain", "hussein"), ("chowdhury", "choudhury"), ("ayesha", "aisha"),
    ])
    func commonMisspellingsShareACode(_ pair: (String, String)) {
        #expect(PhoneticCode.of(pair.0) == PhoneticCode.of(pair.1), "\(pair.0) / \(pair.1)")
    }

    @Test func differentNamesKeepDifferentCodes() {
        #expect(PhoneticCode.of("smith") != PhoneticCode.of("jones"))
        #expect(PhoneticCode.of("cecil") != PhoneticCode.of("kecil"), "a soft c stays an s sound")
        #expect(PhoneticCode.of("oliver") != PhoneticCode.of("olivia"))
    }

    @Test func codesHaveOneLetterAndThreeDigits() {
        #expect(PhoneticCode.of("robert") == "R163")
        #expect(PhoneticCode.of("a") == "A000")
        #expect(PhoneticCode.of("") == "")
        #expect(PhoneticCode.of("ashcraft") == "A261", "h does not separate letters of the same class")
        #expect(PhoneticCode.of("kn") == "K500", "a lone kn keeps its k")
    }
}
