import Foundation
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

/// A college's enrolment file imported against the demo LA: people on record
/// are matched and updated, new people created, the rest queued; the same
/// file twice changes nothing; a run stopped part-way is finished by the next.
@Suite struct ImportRunnerTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func enrolments(_ people: [LinkageRecord], newcomers: Int) -> String {
        var lines = ["Forename,Surname,Date of birth,Sex,UPN,UKPRN,Start date,College"]
        for person in people {
            let born = person.dateOfBirth.map { String(format: "%02d/%02d/%04d", $0.day, $0.month, $0.year) } ?? ""
            lines.append("\(person.givenName ?? ""),\(person.familyName ?? ""),\(born),\(person.gender ?? ""),\(person.upn ?? ""),10004927,01/09/2026,Northmere College")
        }
        for index in 0..<newcomers {
            lines.append("Zephyrine\(String(UnicodeScalar(UInt8(65 + index)))),Quellington,0\(index + 1)/02/2010,F,,10004927,01/09/2026,Northmere College")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: TestDatabases.engines)
    func aCollegeFileIsMatchedRecordedAndSafeToRepeat(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "test"), passwordCost: 4).run(people: 1_500, seed: 6, now: Self.now)
            let la = try DemoAuthority.laCode
            let onRecord = try await LinkageRecordsQuery(store: store).records(in: .authority(laCode: la.code))
            let chosen = Array(onRecord.filter { $0.upn != nil }.prefix(30))
            let data = Data(Self.enrolments(chosen, newcomers: 5).utf8)
            let reading = try ImportReader.read(data, format: .csv, kind: .collegeEnrolments)
            #expect(reading.isClean && reading.rows.count == 35, "\(reading.problems.prefix(3))")
            let activitiesBefore = try await TableCount.total(store, "activity")

            // Stopped after the first 20 rows were committed: the same file (same bytes) read with only those rows.
            var policy = ImportPolicy()
            policy.rowsPerTransaction = 10
            let runner = ImportRunner(store: store, laCode: la, policy: policy)
            let partial = ImportReading(kind: reading.kind, rows: Array(reading.rows.prefix(20)), problems: [], rowsRead: reading.rowsRead)
            let first = try await runner.run(partial, fileName: "enrolments.csv", data: data, actor: .system("test"), now: Self.now)
            #expect(first.updated + first.unchanged + first.excepted + first.created == 20)
            let finished = try await runner.run(reading, fileName: "enrolments.csv", data: data, actor: .system("test"), now: Self.now)
            #expect(finished.alreadyDone == 20, "the re-run skips what the stopped run committed")
            #expect(finished.created == 5, "nobody on record is called Quellington")
            let total = first.updated + finished.updated
            let reasons = try await store.sql.select().columns("incoming", "probability").from("match_exception").all()
                .map { (IncomingRow.decode(try $0.decode(column: "incoming", as: String.self))?.reason ?? "?", try $0.decode(column: "probability", as: Double.self)) }
            // Every person on record is matched with confidence; the only exceptions are people the record already has at another provider.
            #expect(reasons.allSatisfy { $0.0.contains("at another provider") && $0.1 >= 0.95 }, "\(reasons)")
            #expect(total + reasons.count == 30 && total >= 15, "\(first) \(finished)")
            #expect(first.updated + first.unchanged + first.excepted + finished.updated + finished.unchanged + finished.excepted == 30)
            let activitiesAfter = try await TableCount.total(store, "activity")
            #expect(activitiesAfter == activitiesBefore + total + 5)

            let again = try await runner.run(reading, fileName: "enrolments.csv", data: data, actor: .system("test"), now: Self.now)
            #expect(again.alreadyDone == 35 && again.updated == 0 && again.created == 0 && again.excepted == 0, "the same file twice changes nothing")
            #expect(try await TableCount.total(store, "activity") == activitiesAfter)

            let recorded = try #require(try await store.sql.select().columns("code", "ukprn", "start_date").from("activity")
                .where("person_id", .equal, Int64(chosen[0].recordID)!).orderBy("id", .descending).first())
            let chosenUpdated = try await store.sql.select().column("outcome").from("import_row").where("person_id", .equal, Int64(chosen[0].recordID)!)
                .first()?.decode(column: "outcome", as: String.self)
            if chosenUpdated == "updated" {
                #expect(try recorded.decode(column: "code", as: Int.self) == 230 && recorded.decode(column: "ukprn", as: String?.self) == "10004927")
                #expect(try recorded.decode(column: "start_date", as: String.self) == "2026-09-01")
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aNewPersonBreakingANameRuleIsQueuedNotCreated(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let data = Data("Forename,Surname,DOB,Sex,Intended destination\nR2D2,Okafor,2010-03-14,F,121\nAmara,Okafor,2010-03-14,F,121\n".utf8)
            let summary = try await ImportRunner(store: store, laCode: try DemoAuthority.laCode).run(
                try ImportReader.read(data, format: .csv, kind: .year11List), fileName: "y11.csv", data: data, actor: .system("test"), now: Self.now)
            #expect(summary.created == 1 && summary.excepted == 1, "\(summary)")
            let reason = try #require(try await MatchExceptionQueries(store: store).open().first?.incoming.flatMap(IncomingRow.decode)?.reason)
            #expect(reason.contains("NCCIS 44"), "the rule that stops the record being made is named: \(reason)")
            let imported = try await store.sql.select().column("detail").from("audit_event").where("entity", .equal, "import_batch")
                .all(decodingColumn: "detail", as: String.self)
            #expect(imported == ["year11_list; flow=school-files"], "the import names the data flow it came in by")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aOneRowFileStillMatchesWithConfidence(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "test"), passwordCost: 4).run(people: 800, seed: 9, now: Self.now)
            let person = try #require(try await LinkageRecordsQuery(store: store).records(in: .authority(laCode: "990")).first { $0.upn != nil })
            let born = try #require(person.dateOfBirth)
            let data = Data(("Forename,Surname,DOB,Sex,Intended destination\n\(person.givenName ?? ""),\(person.familyName ?? ""),"
                + String(format: "%04d-%02d-%02d", born.year, born.month, born.day) + ",\(person.gender ?? ""),311\n").utf8)
            let summary = try await ImportRunner(store: store, laCode: try DemoAuthority.laCode).run(
                try ImportReader.read(data, format: .csv, kind: .year11List), fileName: "one.csv", data: data, actor: .system("test"), now: Self.now)
            #expect(summary.updated + summary.unchanged == 1, "one row, without UPN, is still matched: \(summary)")
            let outcome = try await store.sql.select().column("person_id").from("import_row").first()?.decode(column: "person_id", as: Int64?.self)
            #expect(outcome == Int64(person.recordID))
        }
    }

    /// The synthetic CTF the readers are tested with: three invented pupils of one school.
    static var ctf: Data {
        get throws {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("WaymarkFormatsTests/ImportFixtures/ctf-year11.xml")
            return try Data(contentsOf: url)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aSchoolsTransferFileCreatesItsNewPupilsOnceAndKnowsThemAfter(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let data = try Self.ctf
            let reading = try ImportReader.read(data, format: .ctf, kind: .ctf)
            #expect(reading.isClean && reading.rows.count == 3)
            let runner = ImportRunner(store: store, laCode: try DemoAuthority.laCode)
            let first = try await runner.run(reading, fileName: "ctf.xml", data: data, actor: .system("test"), now: Self.now)
            #expect(first.created == 3, "a new LA knows none of them: \(first)")
            let talia = try #require(try await LinkageRecordsQuery(store: store).records(in: .authority(laCode: "990")).first { $0.givenName == "Talia" })
            #expect(talia.upn == "D990400126001" && talia.familyName == "Fenwick-Adeyemi")
            // Next term the school sends the file again, re-exported (new bytes): the pupils are matched, not created twice.
            let reexported = Data((String(decoding: data, as: UTF8.self) + "\n<!-- re-exported -->\n").utf8)
            let second = try await runner.run(try ImportReader.read(reexported, format: .ctf, kind: .ctf), fileName: "ctf.xml", data: reexported,
                                              actor: .system("test"), now: Self.now)
            #expect(second.created == 0 && second.unchanged + second.excepted == 3, "\(second)")
            #expect(try await TableCount.total(store, "young_person") == 3)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aFileWithProblemsImportsNothing(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let data = Data("Forename,Surname,DOB,Start date\nAmara,Okafor,2009-13-01,2026-09-01\nZara,Okafor,2009-03-14,2026-09-01\n".utf8)
            let reading = try ImportReader.read(data, format: .csv, kind: .collegeEnrolments)
            #expect(!reading.isClean)
            await #expect(throws: ImportRunError.rowProblems(reading.problems.count)) {
                try await ImportRunner(store: store, laCode: try DemoAuthority.laCode).run(reading, fileName: "bad.csv", data: data, actor: .system("test"), now: Self.now)
            }
            #expect(try await TableCount.total(store, "young_person") == 0)
            #expect(try await TableCount.total(store, "import_batch") == 0)
        }
    }
}

enum TableCount {
    static func total(_ store: Store, _ table: String) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int.self) ?? -1
    }
}
