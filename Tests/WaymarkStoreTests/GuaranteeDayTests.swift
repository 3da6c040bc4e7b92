import Foundation
import Testing
import WaymarkCore
import WaymarkRecords
@testable import WaymarkStore
import WaymarkTestSupport

/// A guarantee record's day is its provenance: one brought with its own day
/// (a generator, a file) keeps it, one recorded here gets the day it was
/// recorded, and both read back as the UK day the figures count it from.
struct GuaranteeDayTests {
    @Test(arguments: TestDatabases.engines)
    func aGuaranteeReadsBackWithTheDayItWasRecorded(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            // given one loaded with its own day, one loaded without, and one recorded later by a person
            let dated = GuaranteeRecord(year: .year11, academicYear: AcademicYear(startYear: 2026), status: .offerMade, laCode: home, recordedOn: d("2026-09-14"))
            let undated = GuaranteeRecord(year: .year12, academicYear: AcademicYear(startYear: 2026), status: .hasNotApplied, laCode: home)
            let loader = BulkLoader(store: store)
            try await loader.load([BulkPerson(id: 1, person: StoreFixtures.person(), guarantees: [dated, undated])], by: .system("demo-generator"), at: fixedNow)
            try await loader.finish()
            let later = fixedNow.addingTimeInterval(3 * 86_400)
            _ = try await store.change(by: .system("test"), at: later) { tx in
                try await tx.recordGuarantee(GuaranteeRecord(year: .year12, academicYear: AcademicYear(startYear: 2026), status: .offerMade, laCode: home), for: 1)
            }
            // when
            let person = try #require(try await PersonBundleReader(store: store, registry: StoreFixtures.registry).person(1, responsibleLA: home.code))
            // then
            #expect(person.guarantees.map(\.recordedOn) == [d("2026-09-14"), d("2026-11-18"), d("2026-11-21")])
            #expect(person.guarantees.map(\.status) == [.offerMade, .hasNotApplied, .offerMade])
        }
    }

    @Test func theDayIsTheUKDayEvenInTheLastHourOfASummerDay() {
        #expect(StoredRowDecoding.serviceDay("2026-09-14T10:02:00Z") == d("2026-09-14"))
        #expect(StoredRowDecoding.serviceDay("2026-07-01T23:30:00Z") == d("2026-07-02"), "23:30 UTC is 00:30 the next day in British Summer Time")
        #expect(StoredRowDecoding.serviceDay("2026-12-01T23:30:00Z") == d("2026-12-01"), "in winter the UK keeps UTC")
        #expect(StoredRowDecoding.serviceDay("not a time") == nil)
    }
}
