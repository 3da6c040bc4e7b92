/// A period end a return can be made for: the last day of a month that has
/// already ended (the return reports what was known at that date).
public enum ReturnPeriod {
    public static func check(_ periodEnd: CalendarDate, today: CalendarDate) throws -> CalendarDate {
        guard periodEnd.day == CalendarDate.daysIn(month: periodEnd.month, year: periodEnd.year) else {
            throw ValidationFailure([
                RuleViolation(
                    field: "PeriodEnd", rule: "Waymark return period",
                    message: "\(periodEnd.iso) is not the last day of a month; returns are made for month ends")
            ])
        }
        guard periodEnd <= today else {
            throw ValidationFailure([
                RuleViolation(
                    field: "PeriodEnd", rule: "Waymark return period",
                    message: "\(periodEnd.iso) has not happened yet; a return reports a month that has ended")
            ])
        }
        return periodEnd
    }
}
