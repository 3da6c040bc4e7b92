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

/// The demo's cases from the matching issue: a family name with one letter
/// dropped ("Grace Coopr") is found beside the person on record, and a row
/// whose every field is only near the record ("Philip Nowack 02/05/2009" for
/// "Filip Nowak 05/02/2009") goes to a person, never linked on its own.
@Suite struct ImportMatchingGuardTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func dropOneLetter(_ name: String) -> String {
        var letters = Array(name)
        letters.remove(at: letters.count - 2)
        return String(letters)
    }

    @Test(arguments: TestDatabases.engines)
    func aTypoIsFoundAndANearEverythingRowIsReviewed(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "test"), passwordCost: 4).run(people: 1_500, seed: 6, now: Self.now)
            let la = try DemoAuthority.laCode
            let onRecord = try await LinkageRecordsQuery(store: store).records(in: .authority(laCode: la.code))
            let long = onRecord.filter { ($0.familyName?.count ?? 0) >= 6 && ($0.givenName?.count ?? 0) >= 5 && !($0.familyName ?? "").contains("-") }
            let typo = try #require(long.first)
            let near = try #require(long.dropFirst().first { ($0.dateOfBirth?.day ?? 13) <= 12 && $0.dateOfBirth?.day != $0.dateOfBirth?.month })
            func born(_ date: BirthDate, swapped: Bool) -> String {
                swapped ? String(format: "%02d/%02d/%04d", date.month, date.day, date.year) : String(format: "%02d/%02d/%04d", date.day, date.month, date.year)
            }
            let lines = [
                "Forename,Surname,Date of birth,Sex,UKPRN,Start date,College",
                "\(typo.givenName!),\(Self.dropOneLetter(typo.familyName!)),\(born(typo.dateOfBirth!, swapped: false)),\(typo.gender ?? ""),10004927,01/09/2026,Northmere College",
                "\(Self.dropOneLetter(near.givenName!)),\(Self.dropOneLetter(near.familyName!)),\(born(near.dateOfBirth!, swapped: true)),\(near.gender ?? ""),10004927,01/09/2026,Northmere College",
            ]
            let data = Data((lines.joined(separator: "\n") + "\n").utf8)
            let reading = try ImportReader.read(data, format: .csv, kind: .collegeEnrolments)
            #expect(reading.isClean, "\(reading.problems.prefix(3))")
            let summary = try await ImportRunner(store: store, laCode: la).run(reading, fileName: "enrolments.csv", data: data, actor: .system("test"), now: Self.now)
            #expect(summary.created == 0, "neither row is a new person: \(summary)")
            let rows = try await store.sql.select().columns("row_number", "outcome", "person_id").from("import_row").orderBy("row_number").all()
            let outcomes = try rows.map { (try $0.decode(column: "outcome", as: String.self), try $0.decode(column: "person_id", as: Int64?.self)) }
            #expect(outcomes.count == 2)
            #expect(outcomes.first?.1 == Int64(typo.recordID), "the typo row is matched to the person on record: \(outcomes)")
            #expect(outcomes.last?.0 == ImportOutcome.excepted.rawValue, "every field only near: a person decides: \(outcomes)")
        }
    }
}
