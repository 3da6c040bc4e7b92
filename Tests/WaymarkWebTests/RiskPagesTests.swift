import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// The settings form and the transparency record's downloads, in process on both engines.
@Suite struct RiskPagesTests {
    static func fields(_ settings: RiskSettings, reason: String, csrf: String) -> [String: String] {
        var fields = ["csrf": csrf, "reason": reason]
        for indicator in RiskIndicator.allCases { fields["weight-\(indicator.rawValue)"] = String(settings.weight(indicator)) }
        fields["attendanceThreshold"] = "85"
        fields["persistentAbsenceThreshold"] = "90"
        fields["lowAttainment8"] = "30"
        fields["schoolMovesThreshold"] = String(settings.schoolMovesThreshold)
        fields["lookbackYears"] = String(settings.lookbackYears)
        fields["mediumFrom"] = String(settings.mediumFrom)
        fields["highFrom"] = String(settings.highFrom)
        fields["refreshDays"] = String(settings.refreshDays)
        return fields
    }

    @Test(arguments: TestDatabases.engines)
    func badSettingsComeBackNamedAndGoodOnesAreSavedWithTheirReason(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let (_, cookies) = try await client.signIn(email: AccessFixture.email(.dataManager))
            let page = try await client.get("/risk/settings", cookies: cookies)
            #expect(page.status == .ok && page.text.contains("These are the documented defaults"))
            let csrf = try #require(page.csrfField)

            var bad = Self.fields(.standard, reason: "", csrf: csrf)
            bad["weight-exclusion"] = "lots"
            bad["highFrom"] = "2"
            let refused = try await client.form("/risk/settings", bad, cookies: cookies)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("href=\"#weight-exclusion\">Suspended or excluded: points must be a whole number"))
            #expect(refused.text.contains("value=\"lots\""), "what was typed comes back")
            #expect(try await RiskSettingsStore(store: store).current() == nil, "nothing saved")

            var good = RiskSettings.standard
            good.weights[.englishAdditionalLanguage] = 1
            let saved = try await client.form("/risk/settings", Self.fields(good, reason: "Our back-test", csrf: csrf), cookies: cookies)
            #expect(saved.status == .seeOther || saved.status == .found)
            #expect(try await RiskSettingsStore(store: store).inForce().settings == good)
            let after = try await client.get("/risk/settings?saved=1", cookies: cookies)
            #expect(after.text.contains("Our back-test") && after.text.contains("Saved."))

            let markdown = try await client.get("/risk/transparency?format=md", cookies: cookies)
            #expect(markdown.headers[.contentType] == "text/markdown; charset=utf-8")
            #expect(markdown.text.hasPrefix("# Algorithmic transparency record: risk of NEET indicator"))
            let html = try await client.get("/risk/transparency?format=html", cookies: cookies)
            #expect(html.text.contains("<td>English as an additional language</td>"))
            #expect(try await client.get("/risk/transparency?format=pdf", cookies: cookies).status == .badRequest)

            // A school's list downloads with the page's columns and reasons.
            let school = try await client.get("/risk/schools/\(fixture.schoolA)", cookies: cookies)
            #expect(school.text.contains("format=csv") && school.text.contains("Pupils at risk of NEET"))
            let csv = try await client.get("/risk/schools/\(fixture.schoolA)?format=csv", cookies: cookies)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.contains("Name,Year,Points,Band,On the list,Reasons,School's change"))
        }
    }
}
