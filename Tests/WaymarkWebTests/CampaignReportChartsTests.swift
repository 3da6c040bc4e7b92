import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// The campaign report draws answered and resolved per channel and per group
/// beside their tables, and "Sent" counts only what the outbox has sent:
/// a text still waiting in the queue is included, never sent.
@Suite struct CampaignReportChartsTests {
    @Test(arguments: TestDatabases.engines)
    func sentCountsOnlyWhatTheOutboxSentAndEachTableHasItsChart(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let (_, officer) = try await SelfServiceTests.sentLink(client, store, fixture)
            let id = try #require(try await store.sql.select().column("id").from("campaign").first()?.decode(column: "id", as: Int64.self))

            // given one text queued, not yet handed to the gateway
            let queued = try await client.get("/campaigns/\(id)/report", cookies: officer.cookies)
            #expect(queued.status == .ok)
            #expect(Self.channelRow(queued.text) == ["Text message", "2", "1", "0", "0"], "considered 2, included 1, sent 0 while it waits, answered 0")
            let csvQueued = try await client.get("/campaigns/\(id)/report?format=csv", cookies: officer.cookies)
            #expect(csvQueued.text.contains("Channel,Text message,2,1,0,0,"), "the download says the same: \(csvQueued.text)")

            // when the outbox sends it
            let outbox = Outbox(store: store)
            let message = try #require(try await outbox.claimNext(worker: "test", now: WebTestHarness.now, lease: 60))
            try await outbox.markSent(message.id, worker: "test", providerReference: "ref-1", now: WebTestHarness.now)

            // then it is sent, on the page, in the chart's table and in the download
            let sent = try await client.get("/campaigns/\(id)/report", cookies: officer.cookies)
            #expect(Self.channelRow(sent.text) == ["Text message", "2", "1", "1", "0"])
            let csvSent = try await client.get("/campaigns/\(id)/report?format=csv", cookies: officer.cookies)
            #expect(csvSent.text.contains("Channel,Text message,2,1,1,0,"))

            let charts = sent.text.matches(of: /<svg[^>]*class="chart chart--grouped"[^>]*aria-labelledby="([a-z0-9-]+)-title/).map { String($0.1) }
            #expect(charts.first == "campaign-channel-chart")
            #expect(charts.count == 4, "by channel, and by each of age, characteristic and ward: \(charts)")
            #expect(sent.text.contains("<title id=\"campaign-channel-chart-title\">Answered and resolved by channel</title>"))
            #expect(sent.text.contains(">Answered 0.0% of 1</text>") && sent.text.contains(">Resolved 0.0% of 1</text>"))
            #expect(sent.text.contains("<caption>By channel: the numbers</caption>"))
        }
    }

    @Test func theSentenceNamesTheGroupsThatAnsweredAndResolvedMostAndFewest() throws {
        func outcome(_ age: String, responded: Bool, resolved: Bool, skipped: Bool = false) -> CampaignOutcome {
            CampaignOutcome(channel: .sms, skipReason: skipped ? "no mobile" : nil, attempted: !skipped, responded: responded, resolved: resolved,
                            daysToResolution: resolved ? 2 : nil, wasNotKnown: true, groups: ["Age": [age]])
        }
        let report = CampaignReport([
            outcome("16", responded: true, resolved: true), outcome("16", responded: false, resolved: false),
            outcome("17", responded: true, resolved: false), outcome("17", responded: true, resolved: false), outcome("17", responded: false, resolved: false, skipped: true),
            outcome("18", responded: false, resolved: false, skipped: true),
        ])
        let age = try #require(report.byDimension.first)
        let drawn = CampaignReportCharts.chart("Answered and resolved by age", groups: age.groups, id: "age", said: { "age \($0)" })
        #expect(drawn.summary == "Most answered: age 17 (100.0%); fewest: age 16 (50.0%). Most resolved: age 16 (50.0%); fewest: age 17 (0.0%). Shares are of those the campaign included, sent or not.",
                "age 18 had nobody included, so it is neither most nor fewest")
        let elements = try BarChartTests.Elements.parse(drawn.svg)
        #expect(elements.found.filter { $0.attributes["class"] == "chart-value" }.map(\.text) == [
            "Answered 50.0% of 2", "Resolved 50.0% of 2", "Answered 100.0% of 2", "Resolved 0.0% of 2", "Answered – nobody included", "Resolved – nobody included",
        ])
    }

    /// The cells of the channel table's one row: name, considered, included, sent, answered.
    static func channelRow(_ html: String) -> [String] {
        guard let table = html.firstMatch(of: /By channel: the numbers<\/caption>(?s)(.*?)<\/table>/)?.1,
            let row = String(table).firstMatch(of: /<tbody><tr>(?s)(.*?)<\/tr>/)?.1
        else { return [] }
        let cells = String(row).matches(of: /<t[hd][^>]*>([^<]*)<\/t[hd]>/).map { String($0.1) }
        return Array(cells.prefix(5))
    }
}
