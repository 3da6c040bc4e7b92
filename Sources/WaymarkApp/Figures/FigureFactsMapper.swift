import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// Turns a stored young person into the facts the figures need. A person
/// whose date of birth, gender, ethnicity or cohort status cannot be read is
/// not guessed at: they are counted as skipped and the report says so.
enum FigureFactsMapper {
    static func facts(_ person: PersonBundle, on date: CalendarDate) -> FigureFacts? {
        guard let dateOfBirth = person.dateOfBirth,
            let gender = person.gender.flatMap({ try? Gender.parse($0) }),
            let ethnicity = person.ethnicity.flatMap({ try? Ethnicity.parse($0) }),
            let status = person.cohortStatus.flatMap({ try? CohortStatus.parse($0) })
        else { return nil }
        return FigureFacts(
            personID: person.id, dateOfBirth: dateOfBirth, gender: gender, ethnicity: ethnicity, cohortStatus: status,
            activities: person.activities, characteristics: person.characteristics, needs: person.needs, guarantees: person.guarantees,
            schoolName: person.schoolName, ward: person.address(on: date)?.ward)
    }
}
