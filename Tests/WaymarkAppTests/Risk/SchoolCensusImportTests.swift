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

/// A school census file imported for the risk-of-NEET indicator: its facts
/// are recorded on the matched pupil with the file as their source, a young
/// carer becomes characteristic 140, and a second file with the same facts
/// (another day's send) adds none. Both engines.
@Suite struct SchoolCensusImportTests {
    static let header = "Forename,Surname,Date of birth,Sex,UPN,Establishment number,Census date,Attendance %,Suspensions,FSM,SEN,Young carer,KS2,School moves"

    @Test(arguments: TestDatabases.engines)
    func aCensusRowBecomesDatedFactsOnThePupilAndASecondSendAddsNone(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let now = PortalFixture.now
            _ = try await DemoSetup(store: store, logger: .init(label: "test"), passwordCost: 4).run(people: 1_500, seed: 6, now: now)
            let la = try DemoAuthority.laCode
            let pupil = try #require(try await LinkageRecordsQuery(store: store).records(in: .authority(laCode: la.code))
                .first { $0.upn != nil && $0.gender != nil && $0.dateOfBirth != nil })
            let id = try #require(Int64(pupil.recordID))
            let born = try #require(pupil.dateOfBirth)
            func line(_ given: String?, _ family: String?, _ upn: String?) -> String {
                "\(given ?? ""),\(family ?? ""),\(String(format: "%02d/%02d/%04d", born.day, born.month, born.year)),\(pupil.gender ?? ""),\(upn ?? ""),,"
                    + "01/10/2026,84.5,2,Y,K,Y,Not met,1\n"
            }
            let csv = Self.header + "\n" + line(pupil.givenName, pupil.familyName, pupil.upn)
            let reading = try ImportReader.read(Data(csv.utf8), format: .csv, kind: .schoolCensus)
            #expect(reading.isClean, "\(reading.problems)")
            let runner = ImportRunner(store: store, laCode: la)
            let summary = try await runner.run(reading, fileName: "census.csv", data: Data(csv.utf8), actor: .system("import:census.csv"), now: now)
            #expect(summary.updated == 1, "\(summary)")
            let rows = try await store.sql.select().columns("kind", "fact_date", "value_number", "value_code", "source")
                .from("school_fact").where("person_id", .equal, id).where("fact_date", .equal, "2026-10-01").orderBy("id").all()
            let kinds = try rows.map { try $0.decode(column: "kind", as: String.self) }
            #expect(kinds == ["attendance", "suspension", "suspension", "fsm", "sen", "ks2", "school-move"])
            #expect(try rows.first?.decode(column: "value_number", as: Double?.self) == 84.5)
            #expect(try rows.allSatisfy { try $0.decode(column: "source", as: String.self) == "import:census.csv" })
            let carers = try await store.sql.select().column("start_date").from("characteristic")
                .where("person_id", .equal, id).where("code", .equal, 140).all(decodingColumn: "start_date", as: String.self)
            #expect(carers.contains("2026-10-01") || carers.count == 1, "a young carer from the census day unless already one")

            // The same row sent again in another file: nothing new.
            let again = csv + "\n"
            let second = try ImportReader.read(Data(again.utf8), format: .csv, kind: .schoolCensus)
            let repeated = try await runner.run(second, fileName: "census-2.csv", data: Data(again.utf8), actor: .system("import:census-2.csv"), now: now)
            #expect(repeated.unchanged == 1, "\(repeated)")
            let count = try await store.sql.select().column("id").from("school_fact").where("person_id", .equal, id)
                .where("fact_date", .equal, "2026-10-01").all().count
            #expect(count == 7)
        }
    }

    @Test func badCellsNameTheRowTheColumnAndTheRule() throws {
        let csv = Self.header + "\nNils,Berg,01/01/2011,F,D990400126001,9904001,01/10/2026,104,two,maybe,X,Y,Passed,1\nAmy,Ng,02/02/2011,F,,9904001,,90,0,N,N,N,Met,0\n"
        let reading = try ImportReader.read(Data(csv.utf8), format: .csv, kind: .schoolCensus)
        #expect(reading.rows.isEmpty)
        let found = reading.problems.map { "\($0.row) \($0.field) \($0.rule)" }
        #expect(found == [
            "2 attendance_percent percentage", "2 suspensions whole number", "2 fsm_eligible yes or no", "2 sen_provision code",
            "2 ks2_expected_standard met or not met", "3 census_date required",
        ])
        #expect(reading.problems.first?.message == "'104' is not a percentage from 0 to 100")
    }
}
