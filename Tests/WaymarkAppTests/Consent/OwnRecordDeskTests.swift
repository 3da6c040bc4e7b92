import Foundation
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// The young person's own page: their date of birth first, then what is
/// held, their choices (changed there, in force at once) and who has looked. Both engines.
@Suite struct OwnRecordDeskTests {
    static let now = ConsentFixture.now
    static let born = try! CalendarDate(iso: "2009-03-14")

    func desk(_ fixture: ConsentFixture) -> OwnRecordDesk {
        OwnRecordDesk(store: fixture.store, links: SelfServiceLinks(store: fixture.store, baseURL: ""), registry: DemoAuthority.registry, laCode: DemoAuthority.code)
    }

    @Test(arguments: TestDatabases.engines)
    func theDateOfBirthOpensThePageAndFiveWrongOnesCloseTheLink(_ engine: DatabaseEngine) async throws {
        try await ConsentFixture.run(engine) { fixture in
            let desk = desk(fixture)
            let link = try await fixture.link()
            #expect(try await desk.view(link: link, pass: nil, now: Self.now) == nil, "no pass, no page")
            #expect(try await desk.check(link: link + "x", dateOfBirth: Self.born, now: Self.now) == .refused(.badSignature))
            #expect(try await desk.check(link: link, dateOfBirth: Self.born.adding(days: 1), now: Self.now) == .wrong(attemptsLeft: 4))
            guard case .passed(let pass) = try await desk.check(link: link, dateOfBirth: Self.born, now: Self.now) else {
                Issue.record("the right date of birth opens the page")
                return
            }
            #expect(try await desk.view(link: link, pass: pass, now: Self.now) != nil)
            #expect(try await desk.view(link: link, pass: pass, now: Self.now + 31 * 60) == nil, "a pass lasts 30 minutes")
            let other = try await fixture.link()
            #expect(try await desk.view(link: other, pass: pass, now: Self.now) == nil, "a pass opens only its own link")
            for left in [3, 2, 1] {
                #expect(try await desk.check(link: link, dateOfBirth: nil, now: Self.now) == .wrong(attemptsLeft: left))
            }
            #expect(try await desk.check(link: link, dateOfBirth: Self.born.adding(days: 2), now: Self.now) == .locked)
            #expect(try await desk.check(link: link, dateOfBirth: Self.born, now: Self.now) == .locked, "even the right date, once locked")
            #expect(try await fixture.base.auditEvents(about: fixture.person, action: .signInFailed).count == 5)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theYoungPersonSeesWhatIsHeldChangesAChoiceAndSeesWhoLookedByRole(_ engine: DatabaseEngine) async throws {
        try await ConsentFixture.run(engine) { fixture in
            let desk = desk(fixture)
            let link = try await fixture.link()
            guard case .passed(let pass) = try await desk.check(link: link, dateOfBirth: Self.born, now: Self.now) else { throw Refusal.notFound("check") }
            let records = PersonRecordDesk(store: fixture.store, registry: DemoAuthority.registry, classifier: ParticipationClassifier(), now: { Self.now })
            _ = try await records.open(fixture.person, for: try fixture.grant(.careersLeader))

            let first = try #require(try await desk.view(link: link, pass: pass, now: Self.now))
            #expect(first.givenName == "Amara")
            #expect(first.held.contains { $0.heading == "Support and needs" && $0.text.contains("mental health") })
            #expect(first.choices.allSatisfy { $0.answer == nil })
            #expect(first.visits.contains { $0.role == .careersLeader && $0.organisation == "Millbrook Park School" })

            #expect(try await desk.choose([.schoolSeesActivity: .some(.deny)], link: link, pass: pass, now: Self.now + 10))
            let later = PersonRecordDesk(store: fixture.store, registry: DemoAuthority.registry, classifier: ParticipationClassifier(), now: { Self.now + 15 })
            let record = try await later.open(fixture.person, for: try fixture.grant(.careersLeader))
            guard case .shown(let shown) = record else { throw Refusal.notFound("record") }
            #expect(!shown.shows(.currentActivity), "the school stops seeing it at once")

            #expect(try await desk.choose([.schoolSeesActivity: .some(.permit)], link: link, pass: pass, now: Self.now + 20))
            #expect(try await desk.choose([.schoolSeesActivity: .some(.permit)], link: link, pass: pass, now: Self.now + 30), "the same answer again changes nothing")
            let history = try await ConsentQueries(store: fixture.store).provisions(of: fixture.person)
            #expect(history.map(\.provision.decision) == [.permit, .deny], "the old answer is kept, withdrawn")
            #expect(history.last?.provision.withdrawnAt == Self.now + 20)
            #expect(history.allSatisfy { $0.provision.method == .selfService && $0.recordedBy == nil })

            let second = try #require(try await desk.view(link: link, pass: pass, now: Self.now + 40))
            #expect(second.choices.first { $0.choice == .schoolSeesActivity }?.answer == .permit)
            #expect(second.visits.contains { $0.actor == "system:self-service" && $0.role == nil }, "their own look is on the list too")
            #expect(try await desk.choose([.referrals: .some(.deny)], link: link, pass: "forged", now: Self.now + 50) == false)
        }
    }
}
