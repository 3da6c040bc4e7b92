import Foundation
import Logging
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// A text campaign to the demo LA's not known, with some young people
/// answering and most answers verified: the report's figures add up and the
/// not-known count falls by exactly the number verified.
@Suite struct DemoCampaignTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test(arguments: TestDatabases.engines)
    func aCampaignToTheNotKnownResolvesThoseWhoseAnswersAreVerified(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "test"), passwordCost: 4).run(people: 1_500, seed: 8, now: Self.now)
            let scope = RecordScope.authority(laCode: DemoAuthority.code)
            let classifier = ParticipationClassifier()
            let la = try DemoAuthority.laCode
            let today = CalendarDate.today(from: Self.now)
            let later = Self.now.addingTimeInterval(3 * 86_400)
            let before = try await ParticipationQuery(store: store).counts(responsibleLA: la, on: today, classifier: classifier)
            // Currency lapses with the calendar, so the fall is measured against the same later day.
            let beforeLater = try await ParticipationQuery(store: store).counts(responsibleLA: la, on: CalendarDate.today(from: later), classifier: classifier)
            let officer = try #require(try await UserQueries(store: store).user(email: "tracking-officer@northmere.example"))
            let campaignID = try await store.change(by: .user(officer.id), at: Self.now) { tx in
                try await tx.createCampaign(NewCampaign(name: "Autumn", channel: .sms, audience: "queue=not-known", subject: nil,
                                                        body: "Hi {{given_name}}, tell us what you are doing: {{link}}"))
            }
            let planner = CampaignPlanner(store: store, classifier: classifier)
            let summary = try await CampaignSender(store: store, planner: planner, laName: DemoAuthority.name)
                .send(campaignID, by: officer.id, scope: scope, now: Self.now)
            let members = try await CampaignQueries(store: store).members(of: campaignID)
            #expect(members.count == before.notKnown, "everyone not known is considered")
            #expect(summary.contacted == members.filter(\.included).count && summary.contacted > 0)

            // Two in five answer on the self-service page, a day later; three in four answers are verified two days after that.
            let links = SelfServiceLinks(store: store, baseURL: "https://waymark.example")
            let desk = SelfServiceDesk(store: store, links: links, registry: DemoAuthority.registry)
            let choices: [SelfDeclaredActivity] = [.college, .apprenticeship, .jobWithTraining, .lookingForWork, .sixthForm]
            var answered = 0
            var verified = 0
            for (index, member) in members.filter(\.included).enumerated() where index % 5 < 2 {
                let token = SelfServiceToken(personID: member.personID, campaignMemberID: member.id, expiresAt: Self.now.addingTimeInterval(86_400 * 28))
                let answer = NewSelfServiceAnswer(campaignMemberID: member.id, choice: choices[index % choices.count], place: "Somewhere",
                                                  since: try CalendarDate(iso: "2026-09-01"), phone: nil, email: nil, preferredChannel: nil)
                #expect(try await desk.answer(answer, token: token, now: Self.now.addingTimeInterval(86_400)))
                answered += 1
            }
            for (index, answer) in try await SelfServiceAnswerQueries(store: store).awaiting(in: scope).enumerated() where index % 4 != 3 {
                if case .verified = try #require(try await desk.verify(answer.id, by: officer.id, scope: scope, now: Self.now.addingTimeInterval(3 * 86_400))) {
                    verified += 1
                }
            }
            #expect(verified > 0 && verified < answered)

            let campaign = try #require(try await CampaignQueries(store: store).campaign(campaignID))
            let report = try await CampaignReportBuilder(store: store, classifier: classifier).report(for: campaign, scope: scope, now: later)
            #expect(report.overall.considered == members.count && report.overall.contacted == summary.contacted)
            #expect(report.overall.responded == answered && report.overall.resolved == verified && report.notKnownResolved == verified)
            let rate = try #require(report.overall.responseRate)
            #expect(rate > 0.3 && rate < 0.5, "two in five answered: \(rate)")
            #expect(report.medianDaysToResolution == 3, "verified three days after sending")
            #expect(report.byDimension.map(\.name) == ["Age", "Characteristic", "Ward"])
            let after = try await ParticipationQuery(store: store).counts(responsibleLA: la, on: CalendarDate.today(from: later), classifier: classifier)
            #expect(after.notKnown == beforeLater.notKnown - verified, "each verified answer leaves the not-known count")
        }
    }
}
