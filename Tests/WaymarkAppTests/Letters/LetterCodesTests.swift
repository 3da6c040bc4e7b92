import Foundation
import SQLKit
import Testing
@testable import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Letter codes on both engines: a code opens the same page as the long
/// link until the same moment, is kept only as a keyed hash, and guessing
/// meets the sign-in throttle.
@Suite struct LetterCodesTests {
    static let now = BreakGlassFixture.now
    static let policy = SignInThrottlePolicy.standard

    static func run(_ engine: DatabaseEngine, _ body: (Store, LetterCodes, _ person: Int64, _ member: Int64) async throws -> Void) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let member = try await store.change(by: .system("test"), at: now) { tx in
                let campaign = try await tx.createCampaign(
                    NewCampaign(name: "Autumn letters", channel: .letter, audience: "queue=not-known", subject: nil, body: "Dear {{given_name}}, {{link}}"))
                return try await tx.addCampaignMember(campaignID: campaign, personID: fixture.onCaseload, skipReason: nil, outboxMessageID: nil)
            }
            let links = SelfServiceLinks(store: store, baseURL: "https://waymark.example.gov.uk")
            try await body(store, LetterCodes(store: store, links: links, policy: policy), fixture.onCaseload, member)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aTypedCodeOpensThePersonsPageUntilItsLinkWouldExpire(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, codes, person, member in
            let expiresAt = SelfServiceLinks.expiry(from: Self.now)
            let code = try #require(try await codes.issue(forMembers: [member], expiresAt: expiresAt, now: Self.now)[member])
            #expect(codes.shortURL(code) == "https://waymark.example.gov.uk/c/" + code.compact)
            #expect(codes.typingPage == "waymark.example.gov.uk/code")
            let typed = code.grouped.lowercased().replacingOccurrences(of: "-", with: " - ")
            guard case .open(let path) = try await codes.open(typed: typed, clientAddress: "192.0.2.1", now: Self.now) else {
                Issue.record("the code did not open")
                return
            }
            let signer = try await SelfServiceLinks(store: store, baseURL: "").signer(now: Self.now)
            let token = try signer.verify(String(path.dropFirst("/s/".count)), now: Self.now)
            #expect(token == SelfServiceToken(personID: person, campaignMemberID: member, expiresAt: expiresAt), "the same page and expiry as the long link")
            let justBefore = expiresAt.addingTimeInterval(-1)
            #expect(try await codes.open(typed: code.compact, clientAddress: "192.0.2.1", now: justBefore) != .notRecognised)
            #expect(try await codes.open(typed: code.compact, clientAddress: "192.0.2.2", now: expiresAt) == .notRecognised,
                    "an expired code reads like one that never existed")
            let stored = try await store.sql.select().column("code_hash").from("letter_code").all(decodingColumn: "code_hash", as: String.self)
            #expect(stored.count == 1 && !stored[0].uppercased().contains(code.compact), "only a keyed hash is kept")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func guessingMeetsTheThrottleButTyposOfShapeCostNothing(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, codes, _, member in
            let code = try #require(try await codes.issue(forMembers: [member], expiresAt: SelfServiceLinks.expiry(from: Self.now), now: Self.now)[member])
            for _ in 0..<10 {
                #expect(try await codes.open(typed: "ABCD-EFG", clientAddress: "192.0.2.9", now: Self.now) == .unreadable(.wrongLength(7)))
            }
            let wrong = code.compact == "22222222" ? "33333333" : "22222222"
            for attempt in 0..<Self.policy.perAccount.freeFailures {
                #expect(try await codes.open(typed: wrong, clientAddress: "192.0.2.9", now: Self.now) == .notRecognised, "guess \(attempt + 1)")
            }
            guard case .throttled = try await codes.open(typed: code.compact, clientAddress: "192.0.2.9", now: Self.now) else {
                Issue.record("after \(Self.policy.perAccount.freeFailures) wrong codes the next try waits, even with the right code")
                return
            }
            guard case .open = try await codes.open(typed: code.compact, clientAddress: "198.51.100.7", now: Self.now) else {
                Issue.record("another client is not held back")
                return
            }
            let later = Self.now.addingTimeInterval(Self.policy.window + 1)
            guard case .open = try await codes.open(typed: code.compact, clientAddress: "192.0.2.9", now: later) else {
                Issue.record("the wait ends")
                return
            }
            let signInFailures = try await SignInAttempts(store: store, policy: Self.policy).failures(email: "192.0.2.9", since: Self.now.addingTimeInterval(-60))
            #expect(signInFailures == 0, "wrong codes are kept apart from sign-in keys")
        }
    }
}
