import Foundation
import Testing
import WaymarkStore
import WaymarkTestSupport

/// One-time form tokens: the first submission goes ahead, a repeat by the same
/// person is told where the first led, and two at once cannot both be first.
@Suite struct FormSubmissionsTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test(arguments: TestDatabases.engines)
    func aRepeatIsToldWhereTheFirstLedAndAFailedOneCanBeSentAgain(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let submissions = FormSubmissions(store: store)
            let token = "tok-aaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            #expect(try await submissions.claim(token, userID: 7, at: Self.now) == .first)
            #expect(try await submissions.claim(token, userID: 7, at: Self.now) == .repeated(outcome: nil), "the first is still saving")
            try await submissions.finish(token, outcome: "/people/3?saved=contact")
            #expect(try await submissions.claim(token, userID: 7, at: Self.now) == .repeated(outcome: "/people/3?saved=contact"))
            #expect(try await submissions.claim(token, userID: 8, at: Self.now) == .first, "another person's token protects nothing of theirs")

            let failed = "tok-bbbbbbbbbbbbbbbbbbbbbbbbbbbb"
            #expect(try await submissions.claim(failed, userID: 7, at: Self.now) == .first)
            try await submissions.release(failed)
            #expect(try await submissions.claim(failed, userID: 7, at: Self.now) == .first, "a submission that saved nothing can be sent again")

            try await submissions.prune(before: Self.now + 1)
            #expect(try await submissions.claim(token, userID: 7, at: Self.now + 2) == .first, "a pruned token is new again")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func twelveSubmissionsAtOnceMakeOneFirst(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let submissions = FormSubmissions(store: store)
            let claims = try await withThrowingTaskGroup(of: SubmissionClaim.self) { group in
                for _ in 0..<12 { group.addTask { try await submissions.claim("tok-cccccccccccccccccccccccccccc", userID: 7, at: Self.now) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(claims.filter { $0 == .first }.count == 1)
            #expect(claims.filter { $0 == .repeated(outcome: nil) }.count == 11)
        }
    }
}
