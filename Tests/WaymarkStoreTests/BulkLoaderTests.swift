import Testing
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

struct BulkLoaderTests {
    func people(_ ids: ClosedRange<Int64>) -> [BulkPerson] {
        ids.map { id in
            BulkPerson(
                id: id, person: StoreFixtures.person("Person\(Character(UnicodeScalar(UInt8(64 + id))))", family: "Bulk"),
                addresses: [AddressRecord(lines: ["\(id) Mill Lane"], town: "Kelstow", county: nil, postcode: "NM4 7QT", ward: "Kelstow North", validFrom: d("2020-01-01"))],
                contactDetails: [ContactDetailRecord(kind: .mobile, value: "07700 900\(100 + id)", validFrom: d("2024-01-01"))],
                activities: [(record: StoreFixtures.college, organisationID: nil)],
                characteristics: id == 1 ? [CharacteristicRecord(code: .carerNotOwnChild, startDate: d("2025-01-01"))] : [],
                needs: [NeedAssessment(levelOfNeed: .minimumIntervention, hasSEND: false, hasSENSupport: id == 2, validFrom: d("2025-09-01"))],
                intendedDestination: IntendedDestinationRecord(code: .fullTimeEducationOrTrainingOther, recordedOn: d("2025-03-01")),
                guarantees: [GuaranteeRecord(year: .year12, academicYear: AcademicYear(startYear: 2026), status: .offerMade, laCode: home)])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aBatchLandsWholeWithOneAuditEventAndLaterInsertsGetFreshIDs(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            // when
            let loader = BulkLoader(store: store)
            let written = try await loader.load(people(1...3), by: .system("demo-generator"), at: fixedNow)
            try await loader.finish()
            // then
            #expect(written.people == 3)
            #expect(written.rows == 3 + 3 + 3 + 3 + 1 + 3 + 3 + 3)
            let queries = PersonQueries(store: store, registry: StoreFixtures.registry)
            #expect(try await queries.count(table: .youngPerson) == 3)
            #expect(try await queries.count(table: .auditEvent) == 1)
            let second = try #require(try await queries.person(2))
            #expect(second.person.identity.givenName == "PersonB")
            #expect(second.source == "demo-generator")
            #expect(try await queries.activities(of: 3).map(\.activity) == [StoreFixtures.college])
            let next = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.createPerson(StoreFixtures.person()) }
            #expect(next == 4)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aBatchThatFailsLeavesNothing(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            // given a batch whose last person repeats an id
            var batch = people(1...3)
            batch.append(batch[0])
            // when
            await #expect(throws: (any Error).self) { try await BulkLoader(store: store).load(batch, by: .system("demo-generator"), at: fixedNow) }
            // then
            let count = try await PersonQueries(store: store, registry: StoreFixtures.registry).count(table: .activity)
            #expect(count == 0)
        }
    }
}
