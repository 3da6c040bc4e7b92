import Testing
import WaymarkCore
import WaymarkRecords
@testable import WaymarkWeb

/// A campaign page claims only what happened: queued is not sent, and a
/// channel with no gateway is said to be one.
@Suite struct CampaignProgressTests {
    static func member(_ id: Int64, status: String? = nil, outcome: String? = nil, answered: Bool = false) -> CampaignMemberRow {
        CampaignMemberRow(
            id: id, personID: id, givenName: "A", familyName: "B", dateOfBirth: "2009-01-01", included: true, reason: nil, outboxMessageID: status == nil ? nil : id,
            messageStatus: status, outcome: outcome, outcomeAt: nil, respondedAt: answered ? "2026-11-20T10:00:00Z" : nil)
    }

    @Test func textsAreCountedByWhereTheyReallyAre() {
        let members = [
            Self.member(1, status: "queued"), Self.member(2, status: "sending"), Self.member(3, status: "sent", answered: true),
            Self.member(4, status: "delivered"), Self.member(5, status: "failed"), Self.member(6, status: "uncertain"),
        ]
        #expect(CampaignProgress(channel: .sms, members: members).sentence
            == "6 young people in this campaign: 2 texts sent, 2 waiting to send, 1 could not be sent, 1 may not have been sent (check); 1 young person answered.")
        #expect(CampaignPage.state(of: members[0], on: .sms) == "Waiting to send")
        #expect(CampaignPage.state(of: members[2], on: .sms) == "Answered")
    }

    @Test func handWorkedAndPrintedCampaignsSayWhatIsLeftToDo() {
        let calls = [Self.member(1, outcome: "no-answer"), Self.member(2)]
        #expect(CampaignProgress(channel: .phone, members: calls).sentence == "2 young people to call: 1 called so far.")
        #expect(CampaignPage.state(of: calls[1], on: .visit) == "To visit")
        #expect(CampaignProgress(channel: .letter, members: [Self.member(1)]).sentence == "1 letter to print and post.")
        #expect(CampaignProgress.started(count: 27, channel: .sms) == "Campaign started: 27 texts queued to send.")
    }

    @Test func aChannelWithoutAGatewayIsNamedAndOneElsewhereIsNotGuessed() {
        #expect(SendingReach.here([]).warning(for: .sms)?.hasPrefix("Texts are not set up on this server") == true)
        #expect(SendingReach.here([.sms]).warning(for: .email)?.hasPrefix("E-mails are not set up") == true)
        #expect(SendingReach.here([.sms]).warning(for: .sms) == nil)
        #expect(SendingReach.here([]).warning(for: .letter) == nil)
        #expect(SendingReach.elsewhere.warning(for: .sms) == nil)
    }
}
