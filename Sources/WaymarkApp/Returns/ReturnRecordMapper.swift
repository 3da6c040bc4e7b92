import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// Turns a stored young person into their return record at a period end:
/// the address, need, characteristics and activity in force on that date,
/// with currency derived by the LA's policy.
struct ReturnRecordMapper: Sendable {
    let databaseID: String
    let periodEnd: CalendarDate
    let currency: CurrencyPolicy

    /// 13 digits: the database id and the local id, zero-padded to ten.
    func youngPersonsID(_ id: Int64) -> String {
        let local = String(id)
        return databaseID + String(repeating: "0", count: max(0, 10 - local.count)) + local
    }

    /// A return reports what was known at its period end, even when it is
    /// made later: activities found out afterwards are left out, and a
    /// confirmation after the period end does not extend currency (error 305).
    func knownAtPeriodEnd(_ activities: [ActivityRecord]) -> [ActivityRecord] {
        activities.filter { $0.dateAscertained <= periodEnd }.map { activity in
            var known = activity
            if let verified = known.dateVerified, verified > periodEnd { known.dateVerified = nil }
            return known
        }
    }

    func record(_ person: PersonBundle) -> ReturnRecord {
        let address = person.address(on: periodEnd)
        let need = person.need(on: periodEnd)
        let activity = ActivityHistory.current(in: knownAtPeriodEnd(person.activities), on: periodEnd)
        let guarantees = GuaranteeYear.allCases.compactMap { year in
            person.guarantees.filter { $0.year == year && $0.academicYear.startYear <= AcademicYear(containing: periodEnd).startYear }
                .max { $0.academicYear.startYear < $1.academicYear.startYear }
        }
        return ReturnRecord(
            personID: person.id, youngPersonsID: youngPersonsID(person.id), cohortStatus: person.cohortStatus,
            givenName: person.givenName, middleName: person.middleNames, familyName: person.familyName,
            addressLines: address?.lines ?? [], town: address?.town, county: address?.county, postcode: address?.postcode,
            gender: person.gender, dateOfBirth: person.dateOfBirth, ethnicity: person.ethnicity, leadLA: person.responsibleLA,
            educatedLA: person.educatedLA, transferredToLA: person.transferredToLA, laCodeAtYear11: person.laCodeAtYear11,
            uln: person.uln, upn: person.upn, guaranteeStatusIndicator: guarantees.isEmpty ? "N" : "Y",
            guarantees: guarantees.map { ReturnGuarantee(year: $0.year, status: String($0.status.rawValue), laCode: $0.laCode.code) },
            levelOfNeed: need.map { String($0.levelOfNeed.rawValue) }, sendFlag: need.map { $0.hasSEND ? "Y" : "N" },
            senSupportFlag: need.map { $0.hasSENSupport ? "Y" : "N" },
            characteristics: person.characteristics.filter { $0.isCurrent(on: periodEnd) }.map { String($0.code.rawValue) }.sorted(),
            activity: activity.map { ReturnActivity($0, currency: currency, periodEnd: periodEnd) },
            intendedDestination: person.intendedDestination(on: periodEnd).map { String($0.code.rawValue) })
    }
}
