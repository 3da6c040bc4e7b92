import Foundation
import Testing
import WaymarkApp
import WaymarkCore
@testable import WaymarkFormats
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// The data-protection lists download every page (the pages show 50 at a
/// time), read back with the project's XLSX reader against the pages' use
/// cases, and each download is audited.
@Suite struct AccessReviewExportTests {
    static let now = BreakGlassFixture.now

    @Test(arguments: TestDatabases.engines)
    func theAccessLogDownloadsEveryPageNewestFirst(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let officer = try #require(fixture.users[.trackingOfficer])
            try await store.change(by: .user(officer.id), at: Self.now) { tx in
                for _ in 0..<560 { try await tx.audit(.view, entity: "young_person", entityID: fixture.onCaseload, personID: fixture.onCaseload) }
            }
            let review = AccessReview(store: store)
            let dataManager = try fixture.grant(.dataManager)
            // Every page of the page, as the reviewer would step through it.
            var shown: [AccessLogEntry] = []
            var before: Int64?
            repeat {
                let page = try await review.accessLog(for: dataManager, person: fixture.onCaseload, before: before, at: Self.now)
                shown += page.items
                before = page.older
            } while before != nil
            let events = try await fixture.auditEvents(about: fixture.onCaseload, action: .view).count

            let download = try await review.accessLogExport(person: fixture.onCaseload, format: .xlsx, for: dataManager, at: Self.now)
            let rows = try XLSXReader.grid(try await download.data(), limits: .standard).rows.map(\.cells)
            #expect(rows.first == ["Date", "Time", "Who", "Role", "Action", "What", "Detail"])
            #expect(rows.count - 1 == shown.count + 12, "every page, and the twelve views of the pages since")
            #expect(shown.count > 560)
            #expect(Array(rows.dropFirst(13).map { $0[5] }) == shown.map(\.what), "the same events in the same order below the newer views")
            #expect(try await fixture.auditEvents(about: fixture.onCaseload, action: .view).count == events + 1, "the download is audited")
            let details = try await fixture.auditDetails(.view, entity: "audit_event").compactMap { $0 }
            #expect(details.last?.hasPrefix("export; format=xlsx; access log; count=\(shown.count + 12)") == true)
            await #expect(throws: AccessDenied.self) {
                try await review.accessLogExport(person: fixture.onCaseload, format: .csv, for: try fixture.grant(.manager), at: Self.now)
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theBreakTheGlassReviewDownloadsWithTheRecordNumbers(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let desk = BreakGlassDesk(store: store)
            let first = try await desk.breakGlass(for: try fixture.grant(.trackingOfficer), person: fixture.onCaseload, reason: BreakGlassFixture.reason, at: Self.now)
            let second = try await desk.breakGlass(
                for: try fixture.grant(.manager), person: fixture.noAdviser, reason: "=cmd|' /C calc'!A0 and a real reason for the record",
                at: Self.now.addingTimeInterval(5 * 3600))
            let review = AccessReview(store: store)
            let page = try await review.breakGlassAccesses(for: try fixture.grant(.dataManager), before: nil, at: Self.now.addingTimeInterval(5 * 3600))
            #expect(page.items.map(\.id) == [second.id, first.id])

            let csv = try CSVReader.records([UInt8](try await review.breakGlassExport(
                format: .csv, for: try fixture.grant(.dataManager), at: Self.now.addingTimeInterval(5 * 3600)).data()))
            #expect(csv.first?[4] == "Record number" && csv.count == 3)
            #expect(csv.dropFirst().map { Int64($0[4]) } == page.items.map(\.personID))
            #expect(csv[1][6] == "'=cmd|' /C calc'!A0 and a real reason for the record", "a reason that looks like a formula stays text")
            #expect(csv.dropFirst().map { $0[9] } == ["Open", "Expired"])
            let details = try await fixture.auditDetails(.view, entity: "break_glass_access").compactMap { $0 }
            #expect(details.last == "export; format=csv; break-glass review; count=2; shown=\(fixture.noAdviser),\(fixture.onCaseload); purpose=dataQuality")
        }
    }
}
