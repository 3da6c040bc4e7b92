import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// Dates a person reads are written out ("7 November 2026"), never ISO: only
/// form values, links and downloads keep 2026-11-07.
@Suite struct DatesShownTests {
    /// The page's text with tags (and so their attributes) taken out.
    static func visibleText(_ html: String) -> String {
        html.replacingOccurrences(of: "<script[\\s\\S]*?</script>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }

    static func isoDates(_ html: String) -> [String] {
        let text = visibleText(html)
        guard let pattern = try? NSRegularExpression(pattern: "\\b(19|20)\\d\\d-\\d\\d-\\d\\d\\b") else { return [] }
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    @Test(arguments: [Role.personalAdviser, .trackingOfficer, .manager, .dataManager])
    func noPageShowsAnISODate(_ role: Role) async throws {
        try await WebTestHarness.run(.sqlite, role: role) { client, store in
            let id = try await PersonPageTests.addPerson(store)
            let (_, cookies) = try await client.signIn()
            let paths = [
                "/", "/search?q=okafor", "/people/\(id)", "/people/\(id)/details", "/queues", "/figures", "/activity-survey", "/returns",
                "/campaigns", "/answers", "/exceptions", "/imports", "/caseload",
            ]
            for path in paths {
                let page = try await client.get(path, cookies: cookies)
                guard page.status == .ok else { continue }
                #expect(Self.isoDates(page.text).isEmpty, "\(role) \(path): \(Self.isoDates(page.text))")
            }
        }
    }
}
