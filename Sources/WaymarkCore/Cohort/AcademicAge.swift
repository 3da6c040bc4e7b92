/// Academic age: a young person's age on 31 August before the academic year
/// that contains the date. It fixes which year group they are in all year.
public enum AcademicAge {
    /// Age on 31 August at the start of the academic year containing `date`.
    public static func of(dateOfBirth: CalendarDate, on date: CalendarDate) -> Int {
        dateOfBirth.completedYears(to: AcademicYear(containing: date).ageReferenceDay)
    }

    /// National curriculum year group: Year 11 is academic age 15, Year 12 is 16.
    public static func yearGroup(dateOfBirth: CalendarDate, on date: CalendarDate) -> Int {
        of(dateOfBirth: dateOfBirth, on: date) - 4
    }

    /// The academic year a young person is in a year group, by date of birth:
    /// the one on whose eve (31 August) they are the group's academic age.
    public static func academicYear(ofYearGroup group: Int, dateOfBirth: CalendarDate) -> AcademicYear {
        AcademicYear(startYear: dateOfBirth.year + group + 4 + (dateOfBirth.month >= 9 ? 1 : 0))
    }
}
