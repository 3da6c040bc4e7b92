import Foundation
import WaymarkCore
import WaymarkRecords
import WaymarkStore

func d(_ text: String) -> CalendarDate {
    do { return try CalendarDate(iso: text) } catch { fatalError("bad test date \(text)") }
}

let fixedNow = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
let home = LocalAuthorityCode.registry990

extension LocalAuthorityCode {
    static let registry990: LocalAuthorityCode = {
        do { return try StoreFixtures.registry.code("990") } catch { fatalError("demo LA code missing") }
    }()
}

enum StoreFixtures {
    static let registry = LocalAuthorityRegistry(additional: ["990": "Northmere"])

    static func person(_ given: String = "Amara", family: String = "Okafor", born: String = "2010-03-14") -> NewYoungPerson {
        NewYoungPerson(
            identity: YoungPersonIdentity(
                givenName: given, middleNames: "Chidera", familyName: family, dateOfBirth: d(born), gender: .female,
                ethnicity: .blackAfrican, upn: "H990123456789", uln: "1234567890"),
            cohortStatus: .primary, responsibleLA: home, educatedLA: home)
    }

    static let college = ActivityRecord(
        code: .furtherEducation, startDate: d("2026-09-01"), dateAscertained: d("2026-09-10"), dateVerified: d("2026-10-01"),
        predictedEndDate: d("2028-06-30"), establishmentNumber: "9908001", establishmentName: "Northmere College")
}
