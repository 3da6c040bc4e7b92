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
import WaymarkTestSupport
@testable import WaymarkWeb

/// A data manager, at desktop and phone width, opens a young person's
/// record, goes to the subject access page, produces the pack (the form's
/// own POST, as the button sends it) and gets a ZIP; the production is in
/// the audit trail; the pack's HTML document is read in the browser too;
/// and the retention page shows the policy and a dry run's counts.
@Suite(.serialized)
struct SubjectAccessJourneyTests {
    static let artefacts = "/tmp/sar-shots"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"), arguments: [1280, 390])
    func aDataManagerProducesASubjectAccessPack(width: Int) async throws {
        let shots = Self.artefacts + (width < 600 ? "/phone" : "/desktop")
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        try await ConsentJourneyTests.serve { base, store, fixture in
            let person = fixture.onCaseload
            try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                _ = try await tx.addNote("Would like help finding an apprenticeship in engineering", sensitive: false, for: person)
            }
            try await WebDriver.withBrowser(width: width, height: width < 600 ? 844 : 900) { browser in
                try await BreakGlassJourneyTests.signIn(browser, base, as: .dataManager)
                try await browser.open(base + "/people/\(person)")
                try await browser.click("a[href='/people/\(person)/subject-access']")
                _ = try await browser.waitForURL(endingWith: "/subject-access")
                let page = try await browser.text(of: "main")
                #expect(page.contains("Subject access pack for"))
                #expect(page.contains("Activities") && page.contains("Notes"))
                try await browser.look(saving: shots + "/01-subject-access-page.png")
                try await ConsentJourneyTests.scrollToEnd(browser, saving: shots + "/01b-subject-access-page-end.png")

                let answer = try await browser.evaluateAsync("""
                    const done = arguments[arguments.length - 1];
                    const form = document.querySelector('main form[method=post]');
                    fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin' })
                      .then(r => r.arrayBuffer().then(b => { const u = new Uint8Array(b);
                        done([String(r.status), r.headers.get('content-type'), r.headers.get('content-disposition'), String.fromCharCode(u[0], u[1])]); }))
                      .catch(e => done(['failed: ' + e]));
                    """) as? [String]
                #expect(answer == ["200", "application/zip", "attachment; filename=\"subject-access-\(person).zip\"", "PK"], "\(answer ?? [])")
                let exports = try await store.sql.select().column("detail").from("audit_event")
                    .where("action", .equal, "export").where("person_id", .equal, person).all(decodingColumn: "detail", as: String?.self)
                #expect(exports.count == 1 && exports.first??.contains("subject access pack") == true, "producing the pack is audited")

                // The pack's readable document, as the young person will open it.
                let services = AppServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
                let manager = try #require(try await UserQueries(store: store).user(email: AccessFixture.email(.dataManager)))
                let file = try await services.subjectAccess.produce(
                    for: AccessGrant(user: manager, scope: .authority(laCode: DemoAuthority.code)), person: person, at: WebTestHarness.now)
                let writer = SubjectAccessPackWriter(store: store, laCode: try DemoAuthority.laCode, laName: DemoAuthority.name)
                let document = shots + "/pack.html"
                try writer.file(file.pack).data.write(to: URL(fileURLWithPath: shots + "/pack.zip"))
                try Data(SubjectAccessJourneyTests.html(of: file.pack).utf8).write(to: URL(fileURLWithPath: document))
                try await browser.open("file://" + document)
                #expect(try await browser.text(of: "h1").hasPrefix("Information held about"))
                #expect(try await browser.text(of: "main").contains("apprenticeship in engineering"))
                try await browser.look(saving: shots + "/02-pack-document.png")
                try await ConsentJourneyTests.scrollToEnd(browser, saving: shots + "/02b-pack-document-end.png")

                try await browser.open(base + "/data-protection/retention")
                #expect(try await WebTestHarness.runJobs(store) == 1, "the page asked for a dry run")
                try await browser.open(base + "/data-protection/retention")
                #expect(try await browser.text(of: "main").contains("Would be erased"))
                #expect(try await browser.text(of: "main").contains("SEND and health"))
                #expect(try await browser.text(of: "main").contains("the 31st birthday"))
                try await browser.look(saving: shots + "/03-retention.png")
                try await ConsentJourneyTests.scrollToEnd(browser, saving: shots + "/03b-retention-end.png")
            }
        }
    }

    /// The HTML entry of the pack's ZIP, as written there.
    static func html(of pack: SubjectAccessPack) -> String {
        SubjectAccessPackWriter.document(pack)
    }
}
