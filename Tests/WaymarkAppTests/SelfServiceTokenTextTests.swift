import Foundation
import Testing
@testable import WaymarkApp

/// A link's token split into its parts before the signature is checked.
@Suite struct SelfServiceTokenTextTests {
    @Test func theFivePartsAreRead() throws {
        let token = try SelfServiceTokenText(parsing: "42.7.1796209600.AAECAwQFBgcI.3q2-7w")
        #expect(token.personID == 42 && token.campaignMemberID == 7 && token.expiry == 1_796_209_600)
        #expect(token.payload == "42.7.1796209600.AAECAwQFBgcI")
        #expect(token.signature == Data([0xDE, 0xAD, 0xBE, 0xEF]))
    }

    @Test(arguments: [
        "42.7.99999999999999999999.n.AAAA", "42..1.n.AAAA", "42.7.1.n.A", "42.7.1.n.AA*A",
        // One character carrying thousands of combining marks: short in characters, long in bytes.
        "1.2.3.n" + String(repeating: "\u{301}", count: 5_000) + ".AAAA",
    ])
    func malformedTokensAreRefused(text: String) {
        #expect(throws: SelfServiceTokenError.malformed) { try SelfServiceTokenText(parsing: text) }
    }
}
