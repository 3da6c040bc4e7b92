import Foundation
import SQLKit
import Testing
import WaymarkApp
import WaymarkStore
import WaymarkTestSupport

@Suite struct ReturnFileKeepingTests {
    static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    static func freshDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("returns-\(UUID().uuidString)").path
    }

    /// A return file last written `written`.
    static func placeFile(_ name: String, in directory: String, written: Date) throws {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("<xml/>".utf8)))
        try FileManager.default.setAttributes([.modificationDate: written], ofItemAtPath: path)
    }

    @Test(arguments: TestDatabases.engines)
    func aReturnIsReadableByItsOwnerOnlyInADirectoryClosedToOthers(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            try await ReturnFixtures.addStudent(store)
            let directory = Self.freshDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let path = URL(fileURLWithPath: directory).appendingPathComponent("nccis-990-2026-10-31.xml").path
            // when
            _ = try await NCCISExport(builder: try ReturnFixtures.builder(store), store: store)
                .export(periodEnd: ReturnFixtures.periodEnd, dateOfSend: d("2026-11-03"), to: path, by: .system("test"), at: ReturnFixtures.now)
            // then
            #expect(try Self.mode(path) & 0o777 == 0o600)
            #expect(try Self.mode(directory) & 0o777 == 0o700)
        }
    }

    @Test func waymarksReturnsDirectoryIsClosedEvenWhenItAlreadyExisted() throws {
        let directory = Self.freshDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try ReturnFiles.prepareDirectory(directory)
        #expect(try Self.mode(directory) & 0o777 == 0o700)
    }

    @Test(arguments: TestDatabases.engines)
    func filesPastTheRetentionPeriodAreRemovedAndAudited(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            // given returns written 14 and 12 months before now, and a file Waymark did not write
            let directory = Self.freshDirectory()
            try ReturnFiles.prepareDirectory(directory)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let day = 86_400.0
            try Self.placeFile("nccis-990-2025-08-31.xml", in: directory, written: ReturnFixtures.now - 14 * 31 * day)
            try Self.placeFile("nccis-990-2025-10-31.xml", in: directory, written: ReturnFixtures.now - 12 * 30 * day)
            try Self.placeFile("notes.txt", in: directory, written: ReturnFixtures.now - 20 * 31 * day)
            // when
            let removed = try await ReturnFilePruner(store: store, directory: directory, retention: .standard)
                .prune(by: .system("test"), at: ReturnFixtures.now)
            // then
            #expect(removed == ["nccis-990-2025-08-31.xml"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["nccis-990-2025-10-31.xml", "notes.txt"])
            let audits = try await store.sql.raw("SELECT action, detail FROM audit_event WHERE entity = 'generated_return'").all()
            #expect(audits.count == 1)
            #expect(try audits.first?.decode(column: "action", as: String.self) == "prune")
            #expect(try audits.first?.decode(column: "detail", as: String.self) == "file=nccis-990-2025-08-31.xml kept-months=13")
            #expect(try await AuditTrailVerifier(store: store).verify().holds)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aShorterConfiguredPeriodRemovesMore(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let directory = Self.freshDirectory()
            try ReturnFiles.prepareDirectory(directory)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try Self.placeFile("nccis-990-2026-06-30.xml", in: directory, written: ReturnFixtures.now - 100 * 86_400)
            let retention = try ReturnRetention.configured(nil, environment: ["WAYMARK_RETURNS_KEEP_MONTHS": "3"])
            #expect(retention.months == 3)
            let removed = try await ReturnFilePruner(store: store, directory: directory, retention: retention)
                .prune(by: .system("test"), at: ReturnFixtures.now)
            #expect(removed == ["nccis-990-2026-06-30.xml"])
        }
    }

    @Test func theRetentionDefaultsToThirteenMonthsAndRefusesLessThanOne() throws {
        #expect(try ReturnRetention.configured(nil, environment: [:]) == ReturnRetention(months: 13))
        #expect(try ReturnRetention.configured(6, environment: ["WAYMARK_RETURNS_KEEP_MONTHS": "3"]).months == 6)
        #expect(throws: ReturnRetention.RetentionError.self) { try ReturnRetention.configured(0, environment: [:]) }
    }
}
