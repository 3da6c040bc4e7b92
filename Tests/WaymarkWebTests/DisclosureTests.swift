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

/// Need to know on the record page: each role sees the classes the disclosure
/// table gives it, what it may not see says "Restricted", and the view audit
/// says what was withheld.
@Suite struct DisclosureTests {
    /// Facts of every special kind on the careers leader's pupil, each with a
    /// phrase that must not appear where its class is withheld.
    static let secrets: [(SensitivityClass, String)] = [
        (.substanceMisuse, CharacteristicCode.substanceMisuse.meaning),
        (.offending, CharacteristicCode.supervisedByYOT.meaning),
        (.mentalHealth, CharacteristicCode.mentalHealth.meaning),
        (.sexualHealthAndPregnancy, CharacteristicCode.pregnancy.meaning),
        (.careStatus, CharacteristicCode.careLeaver.meaning),
        (.contact, "4 Ferry Row"),
        (.contact, "07700 900461"),
        (.notes, "Talked about her worries at home"),
        (.educationAndActivity, "Northmere Sixth Form"),
        (.sendAndHealth, "EHC plan"),
    ]

    static func addSecrets(to id: Int64, store: Store, adviser: Int64?) async throws {
        let start = try CalendarDate(iso: "2026-01-05")
        try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
            for code in [CharacteristicCode.substanceMisuse, .supervisedByYOT, .mentalHealth, .pregnancy, .careLeaver] {
                _ = try await tx.addCharacteristic(CharacteristicRecord(code: code, startDate: start), for: id)
            }
            _ = try await tx.addAddress(
                AddressRecord(lines: ["4 Ferry Row"], town: "Northmere", county: nil, postcode: "NM2 7PL", ward: nil, validFrom: start), for: id)
            _ = try await tx.addContactDetail(ContactDetailRecord(kind: .mobile, value: "07700 900461", validFrom: start), for: id)
            _ = try await tx.recordNeed(NeedAssessment(levelOfNeed: .intensiveSupport, hasSEND: true, hasSENSupport: false, validFrom: start), for: id)
            _ = try await tx.recordActivity(
                ActivityRecord(
                    code: .schoolSixthForm, startDate: try CalendarDate(iso: "2026-09-03"), dateAscertained: try CalendarDate(iso: "2026-09-10"),
                    predictedEndDate: try CalendarDate(iso: "2028-07-14"),
                    establishmentName: "Northmere Sixth Form"),
                for: id)
            _ = try await tx.recordContact(
                NewContact(
                    occurredAt: WebTestHarness.now.addingTimeInterval(-86_400), method: .faceToFace, direction: .outbound, outcome: "spoke to young person",
                    summary: "Talked about her worries at home"),
                for: id)
        }
    }

    static func open(_ role: Role, engine: DatabaseEngine) async throws -> (page: String, auditDetail: String?) {
        let result = Captured()
        try await AccessFixture.run(engine) { client, store, fixture in
            try await addSecrets(to: fixture.onCaseload, store: store, adviser: fixture.users[.personalAdviser])
            let (_, cookies) = try await client.signIn(email: AccessFixture.email(role))
            let response = try await client.get("/people/\(fixture.onCaseload)", cookies: cookies)
            #expect(response.status == .ok, "\(role)")
            let audit = try await store.sql.raw(
                "SELECT detail FROM audit_event WHERE action = 'view' AND entity = 'young_person' AND person_id = \(bind: fixture.onCaseload)"
            ).all()
            #expect(audit.count == 1, "one view, one audit event")
            await result.keep(response.text, try audit.first?.decode(column: "detail", as: String?.self))
        }
        return await (result.page, result.detail)
    }

    actor Captured {
        var page = ""
        var detail: String?
        func keep(_ page: String, _ detail: String?) {
            self.page = page
            self.detail = detail
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aCareersLeaderSeesIdentityAndTheCurrentCategoryOnly(_ engine: DatabaseEngine) async throws {
        let (page, detail) = try await Self.open(.careersLeader, engine: engine)
        #expect(page.contains("<h1>Amara Okafor</h1>"))
        #expect(page.contains("<dd>Education</dd>"), "the current activity's category shows")
        for (sensitivity, phrase) in Self.secrets {
            #expect(!page.contains(phrase), "\(sensitivity): '\(phrase)' reached a school")
        }
        #expect(page.contains("Restricted"))
        #expect(!page.contains("break-glass"), "schools cannot break the glass")
        #expect(detail?.contains("withheld=") == true && detail?.contains("mentalHealth") == true, "the audit says what was withheld: \(detail ?? "nil")")
    }

    @Test(arguments: TestDatabases.engines)
    func aTrackingOfficerSeesHowToReachThemButNotTheSpecialCategories(_ engine: DatabaseEngine) async throws {
        let (page, _) = try await Self.open(.trackingOfficer, engine: engine)
        for (sensitivity, phrase) in Self.secrets {
            let visible = DisclosurePolicy.visible(to: .trackingOfficer, for: .tracking).contains(sensitivity)
            #expect(page.contains(phrase) == visible, "\(sensitivity): '\(phrase)' shown=\(page.contains(phrase))")
        }
        #expect(page.contains("spoke to young person"), "that a contact happened is tracking information")
        #expect(page.contains("/people/") && page.contains("/break-glass"), "LA staff are offered break-the-glass")
    }

    @Test(arguments: TestDatabases.engines)
    func theAdviserSeesEverything(_ engine: DatabaseEngine) async throws {
        let (page, detail) = try await Self.open(.personalAdviser, engine: engine)
        for (sensitivity, phrase) in Self.secrets {
            #expect(page.contains(phrase), "\(sensitivity): '\(phrase)' missing for the adviser")
        }
        #expect(!page.contains("Restricted for your role"))
        #expect(detail == "record; purpose=casework")
    }

    @Test(arguments: TestDatabases.engines)
    func aSchoolCannotFindOrSeeAPupilsPostcodeAndEverySearchIsAudited(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            try await Self.addSecrets(to: fixture.onCaseload, store: store, adviser: fixture.users[.personalAdviser])
            let (_, school) = try await client.signIn(email: AccessFixture.email(.careersLeader))
            let byName = try await client.get("/search?q=amara+okafor", cookies: school)
            #expect(byName.status == .ok)
            #expect(byName.text.contains("/people/\(fixture.onCaseload)"), "the school finds its pupil by name")
            #expect(!byName.text.contains("NM2 7PL"), "but not where she lives")
            let byPostcode = try await client.get("/search?q=NM2+7PL", cookies: school)
            #expect(!byPostcode.text.contains("/people/\(fixture.onCaseload)"), "a postcode search finds nobody for a school")
            #expect(byPostcode.text.contains("Addresses are restricted for your role"))
            let mixed = try await client.get("/search?q=okafor+NM2+7PL", cookies: school)
            #expect(mixed.text.contains("addresses are restricted for your role"), "a postcode in a longer search is left out, and the page says so")
            let (_, officer) = try await client.signIn(email: AccessFixture.email(.trackingOfficer))
            let tracked = try await client.get("/search?q=NM2+7PL", cookies: officer)
            #expect(tracked.text.contains("/people/\(fixture.onCaseload)") && tracked.text.contains("NM2 7PL"))
            let audits = try await store.sql.raw("SELECT detail FROM audit_event WHERE action = 'view' AND entity = 'search'").all()
            let details = try audits.map { try $0.decode(column: "detail", as: String.self) }
            #expect(details.count == 3, "each search that ran is audited: \(details)")
            #expect(details.contains { $0.hasSuffix("shown=\(fixture.onCaseload)") }, "with the ids it showed: \(details)")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aTrackingOfficerCanNeitherListByNorRecordAWithheldCharacteristic(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            try await Self.addSecrets(to: fixture.onCaseload, store: store, adviser: fixture.users[.personalAdviser])
            let session = try await CaseworkTests.session(client, .trackingOfficer)
            let mental = CharacteristicCode.mentalHealth.rawValue
            let queue = try await client.get("/queues?queue=not-known&characteristic=\(mental)", cookies: session.cookies)
            #expect(queue.status == .forbidden, "a list narrowed by a withheld class would name its members")
            let plain = try await client.get("/queues?queue=not-known", cookies: session.cookies)
            #expect(plain.status == .ok)
            #expect(!plain.text.contains("value=\"\(mental)\""), "nor is it offered as a filter")
            #expect(plain.text.contains("value=\"\(CharacteristicCode.careLeaver.rawValue)\""), "care status is the officer's to see")
            let details = try await client.get("/people/\(fixture.onCaseload)/details", cookies: session.cookies)
            #expect(details.status == .ok)
            #expect(!details.text.contains(CharacteristicCode.mentalHealth.meaning) && !details.text.contains(CharacteristicCode.substanceMisuse.meaning))
            #expect(details.text.contains(CharacteristicCode.careLeaver.meaning))
            #expect(details.text.contains("Restricted for your role"))
            let added = try await client.form(
                "/people/\(fixture.onCaseload)/characteristics", ["csrf": session.csrf, "characteristic": "\(mental)", "characteristic-from": "2026-10-01"],
                cookies: session.cookies)
            #expect(added.status == .forbidden)
            let count = try await store.sql.raw(
                "SELECT COUNT(*) AS n FROM characteristic WHERE person_id = \(bind: fixture.onCaseload) AND code = \(bind: mental)").first()
            #expect(try count?.decode(column: "n", as: Int.self) == 1, "only the adviser's one")
        }
    }

    @Test func everyRoleThatReadsRecordsSeesIdentityAndNoRoleSeesLessThanItsTable() {
        for role in Role.allCases where AccessPolicy.allows(role, .readRecords) {
            let visible = DisclosurePolicy.visible(to: role, for: Purpose.of(role))
            #expect(visible.contains(.identity), "\(role)")
            #expect(visible.contains(.currentActivity), "\(role)")
        }
        #expect(DisclosurePolicy.visible(to: .careersLeader, for: .schoolSupport) == [.identity, .currentActivity])
        #expect(DisclosurePolicy.visible(to: .administrator, for: .administration).isEmpty)
        #expect(!DisclosurePolicy.visible(to: .manager, for: .oversight).contains(.contact))
    }
}
