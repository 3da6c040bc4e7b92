import Foundation
import Testing
@testable import WaymarkApp

/// Personal links: they verify, expire, and refuse any change to any part.
@Suite struct SelfServiceTokenTests {
    let signer = SelfServiceTokenSigner(secret: Data((0..<32).map { UInt8($0 * 7 % 251) }))
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    var token: SelfServiceToken { SelfServiceToken(personID: 42, campaignMemberID: 7, expiresAt: now.addingTimeInterval(14 * 86_400)) }

    @Test func aSignedLinkVerifiesUntilItExpires() throws {
        let text = signer.sign(token)
        #expect(try signer.verify(text, now: now) == token)
        #expect(try signer.verify(text, now: token.expiresAt.addingTimeInterval(-1)) == token)
        #expect(throws: SelfServiceTokenError.expired) { try signer.verify(text, now: token.expiresAt) }
    }

    @Test func twoLinksForTheSamePersonDiffer() {
        #expect(signer.sign(token) != signer.sign(token))
    }

    @Test func changingAnyPartBreaksTheSignature() throws {
        let text = signer.sign(token)
        let parts = text.split(separator: ".").map(String.init)
        let forgedPerson = (["43"] + parts.dropFirst()).joined(separator: ".")
        #expect(throws: SelfServiceTokenError.badSignature) { try signer.verify(forgedPerson, now: now) }
        var longer = parts
        longer[2] = String(Int(parts[2])! + 86_400 * 365)
        #expect(throws: SelfServiceTokenError.badSignature) { try signer.verify(longer.joined(separator: "."), now: now) }
        var flipped = Array(text)
        flipped[flipped.count - 3] = flipped[flipped.count - 3] == "A" ? "B" : "A"
        #expect(throws: SelfServiceTokenError.badSignature) { try signer.verify(String(flipped), now: now) }
        let otherKey = SelfServiceTokenSigner(secret: Data(repeating: 1, count: 32))
        #expect(throws: SelfServiceTokenError.badSignature) { try otherKey.verify(text, now: now) }
    }

    @Test(arguments: ["", "abc", "1.2.3.4", "1.2.3.4.5.6", "x.7.1795000000.AAAA.BBBB", String(repeating: "9", count: 5_000)])
    func malformedLinksAreRefusedWithoutACrash(_ text: String) {
        #expect(throws: SelfServiceTokenError.self) { try signer.verify(text, now: now) }
    }
}
