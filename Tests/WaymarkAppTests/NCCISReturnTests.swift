import Crypto
import Foundation
import Logging
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkSynthetic
import WaymarkTestSupport

@Suite struct NCCISReturnTests {
    @Test(arguments: TestDatabases.engines)
    func theDemoReturnHasNoPriorityOneErrorsExceptThoseTheGeneratorPlanted(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let configuration = SyntheticLAConfiguration(seed: 7, people: 1_500, referenceDate: d("2026-11-18"), plantedErrorRate: 0.02)
            let authority = SyntheticLA(configuration)
            _ = try await DemoLoader(store: store, logger: .init(label: "test")).load(authority, now: ReturnFixtures.now)
            let readiness = try await ReturnFixtures.builder(store).build(periodEnd: ReturnFixtures.periodEnd, dateOfSend: d("2026-11-03"))

            #expect(readiness.records > 1_000)
            #expect(readiness.unreadableCount == 0)
            let planted = readiness.errors.filter { $0.error.priority == 1 }
            #expect(!planted.isEmpty, "the generator plants errors so the readiness page has work to show")
            for entry in planted {
                for example in entry.examples {
                    let person = authority.person(Int(example.personID))
                    #expect(
                        Self.isPlanted(entry.error.number, on: person),
                        "error \(entry.error.number) on \(example.youngPersonsID) was not planted by the generator")
                }
            }
        }
    }

    /// Whether the generator meant this error: a planted rule breach, its
    /// knock-on (a planted 242 also clears DateVerified, so a pre-16 activity
    /// loses its confirmation this year: 909), or a planted duplicate record,
    /// which repeats its original's ULN and may carry a variant date of birth
    /// (day and month swapped) that puts it in the wrong year group.
    static func isPlanted(_ number: Int, on person: SyntheticPerson) -> Bool {
        if person.plantedErrors.contains("NCCIS \(number)") { return true }
        if number == 909, person.plantedErrors.contains("NCCIS 242") { return true }
        return [902, 907, 908, 229, 230, 9, 10, 33, 40].contains(number) && person.duplicateOf != nil
    }

    @Test(arguments: TestDatabases.engines)
    func anExportIsWrittenWholeKeptWithItsChecksumAndAudited(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let id = try await ReturnFixtures.addStudent(store)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("nccis-\(UUID().uuidString).xml").path
            defer { try? FileManager.default.removeItem(atPath: path) }

            let (readiness, generated) = try await NCCISExport(builder: try ReturnFixtures.builder(store), store: store)
                .export(periodEnd: ReturnFixtures.periodEnd, dateOfSend: d("2026-11-03"), to: path, by: .system("test"), at: ReturnFixtures.now)

            #expect(readiness.records == 1)
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(generated.sha256 == SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined())
            #expect(generated.byteCount == Int64(data.count))
            let xml = String(decoding: data, as: UTF8.self)
            #expect(xml.contains("<YoungPersonsID>990\(String(format: "%010lld", id))</YoungPersonsID>"))
            #expect(xml.contains("<CurrencyLapsed>N</CurrencyLapsed>"))
            #expect(!FileManager.default.fileExists(atPath: path + ".partial"))

            let history = try await ReturnHistoryQuery(store: store).returns(laCode: "990")
            #expect(history.map(\.generated) == [generated])
            let audits = try await store.sql.raw("SELECT detail FROM audit_event WHERE entity = 'generated_return'").all()
            #expect(audits.count == 1)
            #expect(try audits.first?.decode(column: "detail", as: String.self).contains(generated.sha256) == true)
            #expect(try audits.first?.decode(column: "detail", as: String.self).hasSuffix("; flow=nccis-return") == true, "the export names its data flow")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func leaversAreReportedOnceInTheMonthTheyLeave(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let other = try DemoAuthority.registry.code("886")
            try await ReturnFixtures.addStudent(store, given: "Stays")
            try await ReturnFixtures.addStudent(store, given: "Leftthismonth", status: .transferred, since: d("2026-10-12"), transferredTo: other)
            try await ReturnFixtures.addStudent(store, given: "Leftlastmonth", status: .transferred, since: d("2026-09-30"), transferredTo: other)
            var written = ""
            let readiness = try await ReturnFixtures.builder(store).build(periodEnd: ReturnFixtures.periodEnd, dateOfSend: d("2026-11-03")) {
                written += $0
            }
            #expect(readiness.records == 2)
            #expect(written.contains("Stays") && written.contains("Leftthismonth"))
            #expect(!written.contains("Leftlastmonth"))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func anEmptyCohortIsRefusedAndNoFileIsLeft(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString).xml").path
            await #expect(throws: NCCISExport.Refusal.self) {
                try await NCCISExport(builder: try ReturnFixtures.builder(store), store: store)
                    .export(periodEnd: ReturnFixtures.periodEnd, dateOfSend: d("2026-11-03"), to: path, by: .system("test"), at: ReturnFixtures.now)
            }
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
            let history = try await ReturnHistoryQuery(store: store).returns(laCode: "990")
            #expect(history.isEmpty)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aBrokenStoredRecordIsNamedAndStopsTheExport(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let id = try await ReturnFixtures.addStudent(store)
            // An old import left an activity code that is not in the national list.
            try await store.sql.raw("UPDATE activity SET code = 999 WHERE person_id = \(bind: id)").run()
            let readiness = try await ReturnFixtures.builder(store).build(periodEnd: ReturnFixtures.periodEnd, dateOfSend: d("2026-11-03"))
            #expect(readiness.unreadableCount == 1)
            #expect(readiness.unreadable.first?.description.contains("ActivityCode '999'") == true)
            #expect(readiness.blockers.contains { $0.contains("cannot be read") })

            let path = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).xml").path
            await #expect(throws: NCCISExport.Refusal.self) {
                try await NCCISExport(builder: try ReturnFixtures.builder(store), store: store)
                    .export(periodEnd: ReturnFixtures.periodEnd, dateOfSend: d("2026-11-03"), to: path, by: .system("test"), at: ReturnFixtures.now)
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test func anImpossiblePeriodEndIsRefusedWithTheRule() {
        #expect(throws: ValidationFailure.self) { try ReturnPeriod.check(d("2026-10-30"), today: d("2026-11-25")) }
        #expect(throws: ValidationFailure.self) { try ReturnPeriod.check(d("2026-11-30"), today: d("2026-11-25")) }
        #expect(throws: Never.self) { try ReturnPeriod.check(d("2026-02-28"), today: d("2026-11-25")) }
    }
}
