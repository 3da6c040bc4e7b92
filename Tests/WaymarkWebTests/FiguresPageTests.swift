import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkSynthetic
import WaymarkTestSupport
@testable import WaymarkWeb

/// The figures page and the Annual Activity Survey page.
@Suite struct FiguresPageTests {
    static func demo(_ store: Store) async throws {
        let configuration = SyntheticLAConfiguration(seed: 3, people: 600, referenceDate: try CalendarDate(iso: "2026-11-18"))
        _ = try await DemoLoader(store: store, logger: .init(label: "test")).load(SyntheticLA(configuration), now: WebTestHarness.now)
    }

    @Test(arguments: TestDatabases.engines)
    func aManagerSeesTheMonthsFiguresWithBreakdownsAndTrend(_ engine: DatabaseEngine) async throws {
        try await WebTestHarness.run(engine, role: .manager) { client, store in
            try await Self.demo(store)
            let (_, cookies) = try await client.signIn()
            let asked = try await client.get("/figures?month=2026-10", cookies: cookies)
            #expect(asked.status == .ok)
            #expect(!asked.text.contains("By academic age"), "the request only queues the work")
            #expect(try await WebTestHarness.runJobs(store) == 1)
            let page = try await client.get("/figures?month=2026-10", cookies: cookies)
            #expect(page.status == .ok)
            #expect(page.text.contains("Figures at 31 October 2026"))
            #expect(page.text.contains("Figures as at "), "the page says when the figures were computed")
            #expect(!page.text.contains("http-equiv=\"refresh\""), "nothing is under way, so the page stays put")
            for heading in ["By academic age", "By gender", "By SEND", "By vulnerable group", "By ethnic group", "By ward", "Trend month by month"] {
                #expect(page.text.contains(heading), "missing \(heading)")
            }
            #expect(page.text.contains("30 November 2024"), "the trend's table starts 23 months earlier")
            #expect(!page.text.contains("31 October 2024"))

            // a chart for the trend, the guarantee's autumn, the two maps of the demo's wards and one for each breakdown, each an image with its name
            let charts = page.text.components(separatedBy: "<svg ").dropFirst().map { String($0.prefix { $0 != ">" }) }
            #expect(charts.filter { $0.contains("role=\"img\"") }.count == 11, "\(charts.count) charts")
            #expect(page.text.contains("<title id=\"guarantee-chart-title\">September Guarantee: share with an offer recorded, week by week to 31 October 2026</title>"))
            #expect(page.text.contains("<caption>The guarantee week by week</caption>"))
            #expect(page.text.contains("<title id=\"ward-map-neet-title\">NEET by ward</title>") && page.text.contains("<title id=\"ward-map-not-known-title\">Not known by ward</title>"))
            #expect(page.text.contains("<title id=\"trend-chart-title\">NEET and not known, month by month, to October 2026</title>"))
            #expect(page.text.contains("<title id=\"ward-chart-title\">NEET or not known by ward</title>"))
            let trendChart = try #require(page.text.components(separatedBy: "aria-labelledby=\"trend-chart-title").dropFirst().first?.components(separatedBy: "</svg>").first)
            #expect(trendChart.components(separatedBy: "<polyline").count - 1 == 4, "NEET or not known, NEET, not known, and last year's")
            #expect(trendChart.contains("chart-series--ghost"))
            #expect(trendChart.contains("Dec–Feb average"), "the winter of 2025/26 falls in the year shown")
            #expect(page.text.contains("The December to February average for 2025/26 was "))
        }
    }

    @Test func aMonthThatHasNotEndedOrIsMalformedIsExplained() async throws {
        try await WebTestHarness.run(.sqlite, role: .manager) { client, _ in
            let (_, cookies) = try await client.signIn()
            for month in ["2026-11", "2026-13", "October"] {
                let response = try await client.get("/figures?month=\(month)", cookies: cookies)
                #expect(response.status == .badRequest, "\(month)")
                #expect(response.text.contains("Choose a month that has ended"))
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theSurveyShowsSchoolsAndAnAuditedNamedList(_ engine: DatabaseEngine) async throws {
        try await WebTestHarness.run(engine, role: .dataManager) { client, store in
            try await Self.demo(store)
            let (_, cookies) = try await client.signIn()
            let asked = try await client.get("/activity-survey?year=2026", cookies: cookies)
            #expect(asked.status == .ok)
            #expect(!asked.text.contains("All schools"), "the request only queues the work")
            #expect(asked.text.contains("http-equiv=\"refresh\""), "the page follows the job")
            let early = try await client.get("/activity-survey?year=2026&format=csv", cookies: cookies)
            #expect(early.status == .serviceUnavailable, "no CSV before the job has computed the survey")
            #expect(try await WebTestHarness.runJobs(store) >= 1)
            let page = try await client.get("/activity-survey?year=2026", cookies: cookies)
            #expect(page.status == .ok)
            #expect(page.text.contains("Annual Activity Survey 2026"))
            #expect(page.text.contains("All schools"))
            let link = try #require(page.text.range(of: "/activity-survey?year=2026&amp;school=").map { range in
                String(page.text[range.lowerBound...].prefix { $0 != "\"" })
            } ?? page.text.range(of: "/activity-survey?year=2026&school=").map { range in
                String(page.text[range.lowerBound...].prefix { $0 != "\"" })
            })
            let named = try await client.get(link.replacingOccurrences(of: "&amp;", with: "&"), cookies: cookies)
            #expect(named.status == .ok)
            #expect(named.text.contains("named list"))
            #expect(named.text.contains("<td>990"))
            let audits = try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_event WHERE entity = 'activity_survey_named_list'").first()
            #expect(try audits?.decode(column: "n", as: Int.self) == 1)

            let csv = try await client.get("/activity-survey?year=2026&format=csv", cookies: cookies)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.text.hasPrefix("\u{FEFF}School,Young people,"))
            #expect(try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_event WHERE entity = 'activity_survey_named_list'").first()?
                .decode(column: "n", as: Int.self) == 1, "the schools' counts name nobody, so are not audited")

            // The named list downloads with the page's people, and is audited as an export.
            let school = try #require(link.components(separatedBy: "school=").last?.removingPercentEncoding)
            #expect(named.text.contains("<input type=\"hidden\" name=\"school\" value=\"\(school)\">"), "the download form names the school shown")
            #expect(named.text.contains("<button type=\"submit\" name=\"format\" value=\"xlsx\" class=\"link-button\">Download Excel (.xlsx)</button>"))
            let namedCSV = try await client.get(link.replacingOccurrences(of: "&amp;", with: "&") + "&format=csv", cookies: cookies)
            let lines = namedCSV.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "\u{FEFF}YoungPersonsID,Name,Destination,Activity code")
            let shownIDs = named.text.matches(of: try Regex("<td>(990[^<]*)</td>")).compactMap { $0.output[1].substring.map(String.init) }
            #expect(!shownIDs.isEmpty && lines.dropFirst().map { String($0.prefix { $0 != "," }) } == shownIDs, "the page's people, in its order")
            let exported = try await store.sql.raw(
                "SELECT detail FROM audit_event WHERE entity = 'activity_survey_named_list' AND detail LIKE 'export;%'").all()
            #expect(exported.count == 1)
        }
    }
}
