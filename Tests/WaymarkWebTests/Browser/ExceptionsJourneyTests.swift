import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkFormats
import WaymarkMatching
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// Data coming in, in a real headless Chromium: an incoming college row the
/// matcher was not sure of is linked to the right young person; a suspected
/// duplicate is merged, and the merge undone.
@Suite(.serialized)
struct ExceptionsJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/exceptions"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func anIncomingRowIsLinkedAndADuplicateMergedAndUnmerged() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "journey"), passwordCost: 4).run(people: 800, seed: 12, now: WebTestHarness.now)
            let la = try DemoAuthority.laCode
            let person = try #require(try await LinkageRecordsQuery(store: store).records(in: .authority(laCode: la.code)).first { $0.upn != nil })
            let born = try #require(person.dateOfBirth)
            let csv = "Forename,Surname,DOB,UKPRN,Start date,College\n\(person.givenName ?? ""),\(person.familyName ?? ""),"
                + String(format: "%04d-%02d-%02d", born.year, born.month, born.day) + ",10004927,2026-09-01,Northmere College\n"
            // A match threshold nobody can reach: every row with a candidate waits for a person, as an uncertain one would.
            var policy = ImportPolicy()
            policy.thresholds = MatchThresholds(match: 1.1, review: 0.5)
            let data = Data(csv.utf8)
            let summary = try await ImportRunner(store: store, laCode: la, policy: policy).run(
                try ImportReader.read(data, format: .csv, kind: .collegeEnrolments), fileName: "college.csv", data: data, actor: .system("journey"),
                now: WebTestHarness.now)
            #expect(summary.excepted == 1)
            #expect(try await DuplicateScanner(store: store).scan(.authority(laCode: la.code), now: WebTestHarness.now).queued > 0)

            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: la, passwordCost: 4, passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await WebDriver.withBrowser { browser in
                    try await browser.open(base + "/sign-in")
                    try await browser.type("tracking-officer@northmere.example", into: "#email")
                    try await browser.type(DemoSetup.password, into: "#password")
                    try await browser.click("button[type=submit]")
                    _ = try await browser.waitForURL(endingWith: "/")
                    try await browser.click("nav a[href='/exceptions']")
                    try await browser.look(saving: Self.artefacts + "/01-exceptions.png")

                    // Link the incoming row to the person it is about.
                    let exceptions = try await MatchExceptionQueries(store: store).open()
                    let incoming = try #require(exceptions.first { $0.kind == .importRow })
                    try await browser.click("a[href='/exceptions/\(incoming.id)']")
                    #expect(try await browser.text(of: "h1") == "Who is this row about?")
                    #expect(try await browser.text(of: "main").contains("Perhaps: \(person.givenName ?? "")"))
                    try await browser.look(saving: Self.artefacts + "/02-incoming-row.png")
                    try await browser.click("form[action$='/link'] button")
                    _ = try await browser.waitForURL(endingWith: "/people/\(person.recordID)")
                    #expect(try await browser.text(of: ".timeline").contains("230"), "the college place is on the record")
                    try await browser.look(saving: Self.artefacts + "/03-linked.png")

                    // Merge a suspected duplicate, then undo it.
                    let duplicate = try #require(exceptions.first { $0.kind == .duplicate })
                    let (kept, merged) = (try #require(duplicate.personID), try #require(duplicate.otherPersonID))
                    try await browser.open(base + "/exceptions/\(duplicate.id)")
                    #expect(try await browser.text(of: "main").contains("How each field counted"))
                    try await browser.look(saving: Self.artefacts + "/04-duplicate.png")
                    try await browser.click("form[action$='/merge'] button")
                    _ = try await browser.waitForURL(endingWith: "/merges/1")
                    #expect(try await browser.text(of: "h1") == "Merged")
                    try await browser.open(base + "/people/\(merged)")
                    _ = try await browser.waitForURL(endingWith: "/people/\(kept)")
                    try await browser.look(saving: Self.artefacts + "/05-merged-record.png")
                    try await browser.open(base + "/exceptions")
                    try await browser.open(base + "/merges/1")
                    try await browser.click("form[action$='/undo'] button")
                    _ = try await browser.waitForURL(endingWith: "/merges/1?undone=1")
                    #expect(try await browser.text(of: "h1") == "Merge undone")
                    try await browser.look(saving: Self.artefacts + "/06-undone.png")
                    try await browser.open(base + "/people/\(merged)")
                    #expect(try await browser.currentURL().hasSuffix("/people/\(merged)"), "the merged record stands on its own again")
                }
            }
        }
    }

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func aDataManagerUploadsACollegeFileAndSeesWhatBecameOfEachRow() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "journey"), passwordCost: 4).run(people: 800, seed: 13, now: WebTestHarness.now)
            let people = try await LinkageRecordsQuery(store: store).records(in: .authority(laCode: "990")).filter { $0.upn != nil }.prefix(5)
            var csv = "Forename,Surname,Date of birth,Sex,UPN,UKPRN,Start date,College\n"
            for person in people {
                let born = try #require(person.dateOfBirth)
                csv += "\(person.givenName ?? ""),\(person.familyName ?? ""),\(String(format: "%02d/%02d/%04d", born.day, born.month, born.year)),"
                    + "\(person.gender ?? ""),\(person.upn ?? ""),10004927,01/09/2026,Northmere College\n"
            }
            csv += "Tobiah,Wrenfield,02/05/2009,M,,10004927,01/09/2026,Northmere College\n"
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("college-enrolments-\(UUID().uuidString).csv").path
            try csv.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }

            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4,
                                       passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await WebDriver.withBrowser { browser in
                    try await browser.open(base + "/sign-in")
                    try await browser.type("data-manager@northmere.example", into: "#email")
                    try await browser.type(DemoSetup.password, into: "#password")
                    try await browser.click("button[type=submit]")
                    _ = try await browser.waitForURL(endingWith: "/")
                    try await browser.click("nav a[href='/imports']")
                    try await browser.click("#kind option[value='college_enrolments']")
                    try await browser.type(path, into: "#file")
                    try await browser.look(saving: Self.artefacts + "/07-upload.png")
                    try await browser.click("main form button[type=submit]")
                    _ = try await browser.waitForURL(endingWith: "?batch=1")
                    let notice = try await browser.text(of: ".notice")
                    #expect(notice.contains("imported:") && notice.contains("1 created"), "\(notice)")
                    try await browser.look(saving: Self.artefacts + "/08-imported.png")
                }
            }
        }
    }
}
