import Testing
import WaymarkCore
@testable import WaymarkWeb

/// Counts a person reads on campaign and report pages carry thousands
/// separators, as they do on the home page and in figures.
@Suite struct CountsShownTests {
    @Test func campaignNoticesAndReportRowsSeparateThousands() {
        #expect(CampaignProgress.started(count: 12_480, channel: .sms) == "Campaign started: 12,480 texts queued to send.")
        #expect(CampaignProgress.started(count: 1, channel: .letter) == "Campaign started: 1 letter ready to print.")
        #expect(CampaignProgress.started(count: 2_500, channel: .visit) == "Campaign started: 2,500 young people to visit.")
        var tally = CampaignTally()
        tally.considered = 25_000
        tally.contacted = 1_204
        let row = CampaignReportPage.row("All", tally)
        #expect(row.considered == "25,000" && row.contacted == "1,204" && row.resolved == "0")
    }
}

extension CountsShownTests {
    @Test func aCappedCountIsSaidAsMoreThan() {
        let paging = Paging(total: 1_000, size: 25)
        let capped = PageNumbers(paging, page: 2, one: "young person found", many: "young people found", moreThanTotal: true) { "/p/\($0)" }
        #expect(capped.showing == "Showing 26 to 50 of more than 1,000 young people found")
        let exact = PageNumbers(paging, page: 1, one: "young person found", many: "young people found") { "/p/\($0)" }
        #expect(exact.showing == "Showing 1 to 25 of 1,000 young people found")
    }
}
