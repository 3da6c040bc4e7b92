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
        try await TestDatabases.withFreshStore(.sqlite) { kent in
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
                _ = try await tx.recordConsent(
                    ConsentProvision(decision: .permit, purpose: .referral, recipient: .kind(.health), dataClass: .sendAndHealth, from: september,
                                     givenBy: .youngPerson, method: .paper, recordedAt: now), for: id)
                // Her lead professional in Kent: a leaving care worker.
                let service = try await tx.createOrganisation(NewOrganisation(kind: .leavingCare, name: "Kent Leaving Care", laCode: "886"))
                let worker = try await tx.createUser(
                    NewUser(organisationID: service, email: "r.patel@leaving-care.example", displayName: "Ravi Patel", role: .partnerWorker, passwordHash: "x"))
                _ = try await tx.openInvolvement(NewInvolvement(personID: id, organisationID: service, workerUserID: worker, workerRole: "personal adviser", from: september))
                _ = try await tx.setLeadProfessional(personID: id, userID: worker, organisationID: service, from: september, agreed: "Team meeting")
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
            let kentKey = try await TransferSigning(store: kent, laCode: code).publicKey(at: now)
            try await Self.journey(width: width, shots: shots, kent: desk, kentKey: kentKey, kentFile: kentFile, kentIndex: kentIndex, regionKey: regionKey)
        }
    }

    // swiftlint:disable:next function_body_length
    static func journey(
        width: Int, shots: String, kent: TransferDesk, kentKey: PeerKey, kentFile: String, kentIndex: String, regionKey: String
    ) async throws {
        let now = WebTestHarness.now
        try await ConsentJourneyTests.serve { base, store, fixture in
            // Northmere trusts Kent's key and runs the region's index.
            let northmere = KnownElsewhereDesk(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
            try await northmere.setRegionKey(id: "test-region", base64: regionKey, by: .system("test"), at: now)
            _ = try await northmere.load(try KnownElsewhereFileSource(path: kentIndex), fileSHA256: "test", by: .system("test"), at: now)
            let northmereDesk = TransferDesk(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
            _ = try await northmereDesk.addPeerKey(la: "886", base64: kentKey.publicKey, by: .system("test"), at: now)
            // Earlier, Northmere sent a young person to Kent; Kent accepted and wrote its signed acknowledgement.
            let northmereKey = try await TransferSigning(store: store, laCode: try DemoAuthority.laCode).publicKey(at: now)
            _ = try await kent.addPeerKey(la: DemoAuthority.code, base64: northmereKey.publicKey, by: .system("test"), at: now)
            let sentEarlier = try await northmereDesk.export(person: fixture.onCaseload, to: "886", movedOn: try CalendarDate(iso: "2026-11-02"), by: .system("test"), at: now)
            let keptByKent = try await kent.receive(file: sentEarlier.data, by: .system("test"), at: now)
            let acceptedByKent = try await kent.accept(id: keptByKent.transferID, choice: .createNew, scope: .authority(laCode: "886"), by: .system("test"), at: now)
            let answerFile = shots + "/answer-from-kent.json"
            try (try await kent.acknowledgement(id: keptByKent.transferID, by: .system("test"), at: now)).data.write(to: URL(fileURLWithPath: answerFile))
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
                #expect(package.contains("Ravi Patel, personal adviser, Kent Leaving Care"), "the lead professional came")
                #expect(package.contains("Agreed to share: SEND and health; with any health service; for Referrals; from 1 September 2025"), "\(package)")
                _ = try await browser.evaluate("document.querySelector('#lead').scrollIntoView(); return 0;")
                try await browser.screenshot(to: shots + "/03a-transfer-in-lead-consents.png")
                try await ConsentJourneyTests.scrollToEnd(browser, saving: shots + "/03b-transfer-in-end.png")
                try await browser.click("form[action='/transfers/1/accept'] button[type=submit]")
                let record = try await Self.waitForURL(containing: "/people/", browser)
                let newPerson = try #require(Int64(record.split(separator: "/").last ?? ""))
                #expect(record.contains("/people/"))
                let previous = try await store.sql.select().column("identifier").from("person_previous_identifier").where("person_id", .equal, newPerson)
                    .all(decodingColumn: "identifier", as: String.self)
                #expect(previous.count == 1 && previous.first?.hasPrefix("886-") == true)
                try await browser.open(base + "/people/\(newPerson)/consent")
                let consents = try await browser.text(of: "main")
                #expect(consents.contains("to local authority 886, carried here in their transfer package"), "\(consents)")
                try await browser.look(saving: shots + "/03c-consent-carried.png")
                _ = try await browser.evaluate("document.querySelector('main table').scrollIntoView(); return 0;")
                try await browser.screenshot(to: shots + "/03d-consent-carried-row.png")
                try await browser.open(base + "/people/\(newPerson)/transfer")
                #expect(try await browser.text(of: "h1").contains("Move Lola Adeyemi-Brown to another authority"))
                try await browser.look(saving: shots + "/04-transfer-out.png")
                newPersonID = newPerson
                // The signed acknowledgement of Lola's transfer goes back to Kent, which sees her linked.
                try await browser.open(base + "/transfers")
                let link = "a[href='/transfers/1/acknowledgement']"
                #expect(try await browser.text(of: link).contains("Download the signed acknowledgement"))
                let downloaded = try await browser.evaluateAsync(
                    "const done = arguments[arguments.length - 1]; fetch('/transfers/1/acknowledgement').then(r => r.text()).then(done);") as? String
                let answered = try await kent.acknowledge(file: Data(try #require(downloaded).utf8), by: .system("test"), at: now)
                #expect(answered.decision == "accepted" && answered.theirIdentifier == "\(DemoAuthority.code)-\(newPerson)")
                // Kent's answer about the young person Northmere sent earlier is uploaded here.
                try await browser.type(answerFile, into: "#answer")
                try await browser.look(saving: shots + "/04b-answer-upload.png")
                try await browser.click("form[action='/transfers/acknowledgements'] button[type=submit]")
                _ = try await Self.waitForURL(containing: "answered=", browser)
                let answerNotice = try await browser.text(of: ".notice")
                #expect(answerNotice.contains("accepted transfer \(sentEarlier.transferID)") && answerNotice.contains("886-\(acceptedByKent.personID)"), "\(answerNotice)")
                try await browser.look(saving: shots + "/04c-answered.png")
                try await ConsentJourneyTests.scrollToEnd(browser, saving: shots + "/04d-answered-end.png")
                // the same file again is refused, naming the rule
                try await browser.type(answerFile, into: "#answer")
                try await browser.click("form[action='/transfers/acknowledgements'] button[type=submit]")
                #expect(try await browser.waitForText("[repeat]", in: ".error-summary").contains("imported before"))
                try await browser.look(saving: shots + "/04e-answer-refused.png")
                try await browser.open(base + "/people/\(fixture.onCaseload)/transfer")
                #expect(try await browser.text(of: "main").contains("Accepted on"))
                try await browser.look(saving: shots + "/04f-sent-answered.png")
                try await ConsentJourneyTests.scrollToEnd(browser, saving: shots + "/04g-sent-answered-end.png")
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

    /// Waits for navigation to a URL containing `part` (a click returns before the next page loads).
    static func waitForURL(containing part: String, _ browser: WebDriver) async throws -> String {
        var url = ""
        for _ in 0..<300 {
            url = try await browser.currentURL()
            if url.contains(part) { return url }
            try await Task.sleep(for: .milliseconds(100))
        }
        return url
    }
}
