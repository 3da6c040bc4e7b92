import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore

func d(_ text: String) -> CalendarDate {
    do { return try CalendarDate(iso: text) } catch { fatalError("bad test date \(text)") }
}

/// One hand-made young person per test, in the demo LA.
enum ReturnFixtures {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
    static let periodEnd = d("2026-10-31")
    static var la: LocalAuthorityCode { get throws { try DemoAuthority.laCode } }

    /// A 17-year-old at college with an address and a need assessment.
    @discardableResult
    static func addStudent(
        _ store: Store, given: String = "Amara", status: CohortStatus = .primary, since: CalendarDate? = nil,
        transferredTo: LocalAuthorityCode? = nil
    ) async throws -> Int64 {
        let home = try la
        return try await store.change(by: .system("test"), at: now) { tx in
            let id = try await tx.createPerson(
                NewYoungPerson(
                    identity: YoungPersonIdentity(
                        givenName: given, familyName: "Okafor", dateOfBirth: d("2009-03-14"), gender: .female,
                        ethnicity: .blackAfrican, upn: nil, uln: nil),
                    cohortStatus: status, responsibleLA: home, educatedLA: home, transferredToLA: transferredTo,
                    cohortStatusSince: since))
            try await tx.addAddress(
                AddressRecord(lines: ["14 Mill Lane"], town: "Northmere", county: nil, postcode: "NM3 4QT", ward: "Mill", validFrom: d("2015-01-01")),
                for: id)
            try await tx.recordNeed(NeedAssessment(levelOfNeed: .minimumIntervention, hasSEND: false, hasSENSupport: false, validFrom: d("2020-01-01")), for: id)
            try await tx.recordActivity(
                ActivityRecord(
                    code: .furtherEducation, startDate: d("2025-09-03"), dateAscertained: d("2025-09-20"), dateVerified: d("2026-09-15"),
                    predictedEndDate: d("2027-07-16"), establishmentNumber: "9908001", establishmentName: "Northmere College"),
                for: id)
            return id
        }
    }

    static func builder(_ store: Store) throws -> NCCISReturnBuilder {
        NCCISReturnBuilder(store: store, registry: DemoAuthority.registry, laCode: try la)
    }
}
