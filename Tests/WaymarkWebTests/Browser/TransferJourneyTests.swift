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

/// Two LAs: Kent (886, its own database) moves a young person to Northmere
/// (990, the server). Northmere's data manager uploads the file, reads it
/// and accepts it; a tracking officer then asks the regional index and sees
/// that Kent knows her — the authority, never a name from Kent's side —
/// and requests the record.
@Suite(.serialized)
struct TransferJourneyTests {
    static let artefacts = "/tmp/transfer-shots"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"), arguments: [1280, 390])
    func aYoungPersonMovesInAndIsFoundElsewhere(width: Int) async throws {
        let shots = Self.artefacts + (width < 600 ? "/phone" : "/desktop")
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let kentFile = shots + "/from-kent.json"
        let kentIndex = shots + "/kent-index.txt"
        try? FileManager.default.removeItem(atPath: kentIndex)
        let regionKey = Data(repeating: 42, count: 32).base64EncodedString()
        let now = WebTestHarness.now
        // Kent's Waymark: a young person, the transfer out, and its publication to the index.
        let kentKey = try await TestDatabases.withFreshStore(.sqlite) { kent in
            let code = try DemoAuthority.registry.code("886")
            let person = try await kent.change(by: .system("test"), at: now) { tx in
                let id = try await tx.createPerson(
                    NewYoungPerson(
                        identity: YoungPersonIdentity(
                            givenName: "Lola", familyName: "Adeyemi-Brown", dateOfBirth: try CalendarDate(iso: "2009-06-21"), gender: .female,
                            ethnicity: .blackAfrican, uln: "9876543210"),
                        cohortStatus: .primary, responsibleLA: code, educatedLA: code))
                let september = try CalendarDate(iso: "2025-09-01")
                _ = try await tx.recordActivity(
                    ActivityRecord(code: .furtherEducation, startDate: september, dateAscertained: september, predictedEndDate: try CalendarDate(iso: "2027-06-30"),
                                   establishmentName: "Medway College"), for: id)
                _ = try await tx.recordNeed(NeedAssessment(levelOfNeed: .supported, hasSEND: true, hasSENSupport: false, validFrom: september), for: id)
                _ = try await tx.addCharacteristic(CharacteristicRecord(code: .supervisedByYOT, startDate: september), for: id)
                return id
            }
            let desk = TransferDesk(store: kent, registry: DemoAuthority.registry, laCode: code)
            let file = try await desk.export(person: person, to: DemoAuthority.code, movedOn: try CalendarDate(iso: "2026-11-20"), by: .system("test"), at: now)
            try file.data.write(to: URL(fileURLWithPath: kentFile))
            let elsewhere = KnownElsewhereDesk(store: kent, registry: DemoAuthority.registry, laCode: code)
            try await elsewhere.setRegionKey(id: "test-region", base64: regionKey, by: .system("test"), at: now)
            FileManager.default.createFile(atPath: kentIndex, contents: nil)
            let handle = try #require(FileHandle(forWritingAtPath: kentIndex))
            _ = try await elsewhere.publish(by: .system("test"), at: now) { try handle.write(contentsOf: Data($0.utf8)) }
            try handle.close()
            return try await TransferSigning(store: kent, laCode: code).publicKey(at: now)
        }
        try await ConsentJourneyTests.serve { base, store, _ in
            // Northmere trusts Kent's key and runs the region's index.
            let northmere = KnownElsewhereDesk(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
            try await northmere.setRegionKey(id: "test-region", base64: regionKey, by: .system("test"), at: now)
            _ = try await northmere.load(try KnownElsewhereFileSource(path: kentIndex), fileSHA256: "test", by: .system("test"), at: now)
            _ = try await TransferDesk(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
                .addPeerKey(la: "886", base64: kentKey.publicKey, by: .system("test"), at: now)
            var newPersonID: Int64?
            try await WebDriver.withBrowser(width: width, height: width < 600 ? 844 : 900) { browser in
                try await BreakGlassJourneyTests.signIn(browser, base, as: .dataManager)
                try await browser.click("nav a[href='/transfers']")
                _ = try await browser.waitForURL(endingWith: "/transfers")
                try await browser.type(kentFile, into: "#file")
                try await browser.look(saving: shots + "/01-transfers-upload.png")
                try await browser.click("main form button[type=submit]")
                let acknowledged = try await browser.waitForURL(endingWith: "?received=1")
                #expect(acknowledged.hasSuffix("/transfers?received=1"))
                let notice = try await browser.text(of: ".notice")
                #expect(notice.contains("Received from LA 886") && notice.contains("kept as transfer 1"), "\(notice)")
                try await browser.look(saving: shots + "/02-acknowledged.png")
                try await browser.click("a[href='/transfers/1']")
                _ = try await browser.waitForURL(endingWith: "/transfers/1")
                let package = try await browser.text(of: "main")
                #expect(package.contains("Lola Adeyemi-Brown") && package.contains("Nobody on your records matches"))
                #expect(package.contains("Offending and youth justice") || package.contains("youth"), "the YOT class is named as left out")
                #expect(!package.contains("Supervised by YOT"), "the YOT characteristic itself did not come")
                try await browser.look(saving: shots + "/03-transfer-in.png")
                try await ConsentJourneyTests.scrollToEnd(browser, saving: shots + "/03b-transfer-in-end.png")
                try await browser.click("form[action='/transfers/1/accept'] button[type=submit]")
                let record = try await browser.waitForURL(endingWith: "")
                let newPerson = try #require(Int64(record.split(separator: "/").last ?? ""))
                #expect(record.contains("/people/"))
                let previous = try await store.sql.select().column("identifier").from("person_previous_identifier").where("person_id", .equal, newPerson)
                    .all(decodingColumn: "identifier", as: String.self)
                #expect(previous.count == 1 && previous.first?.hasPrefix("886-") == true)
                try await browser.open(base + "/people/\(newPerson)/transfer")
                #expect(try await browser.text(of: "h1").contains("Move Lola Adeyemi-Brown to another authority"))
                try await browser.look(saving: shots + "/04-transfer-out.png")
                newPersonID = newPerson
            }
            // A tracking officer asks the index about her.
            let newPerson = try #require(newPersonID)
            try await WebDriver.withBrowser(width: width, height: width < 600 ? 844 : 900) { browser in
                try await BreakGlassJourneyTests.signIn(browser, base, as: .trackingOfficer)
                try await browser.open(base + "/people/\(newPerson)")
                try await browser.click("a[href='/people/\(newPerson)/known-elsewhere']")
                _ = try await browser.waitForURL(endingWith: "/known-elsewhere")
                try await browser.look(saving: shots + "/05-known-elsewhere.png")
                try await browser.click("main form button[type=submit]")
                let answer = try await browser.text(of: "main")
                #expect(answer.contains("is known to:") && answer.contains("Kent") && answer.contains("886"), "\(answer)")
                #expect(answer.contains("59 more look-ups"))
                try await browser.look(saving: shots + "/06-known-to-kent.png")
                try await browser.click("form[action='/people/\(newPerson)/known-elsewhere/request'] button")
                _ = try await browser.waitForURL(endingWith: "requested=886")
                #expect(try await browser.text(of: ".notice").contains("request for the record has been made to LA 886"))
                try await browser.look(saving: shots + "/07-requested.png")
                let lookups = try await store.sql.select().column("detail").from("audit_event").where("entity", .equal, "known_elsewhere")
                    .all(decodingColumn: "detail", as: String?.self)
                #expect(lookups == ["matches=1"], "the look-up is audited with the count, not a name")
            }
        }
    }
}
