/// The period an activity at an organisation keeps the young person enrolled
/// there: from its start until the earlier of its predicted end and the day
/// before the next activity starts, because the current activity is always
/// the one that started last. Shared by single writes, the bulk loader and the
/// migration that fills the table, so all three agree.
public enum ActivityEnrolment {
    /// `next` is the start of the activity that follows this one, if any;
    /// one starting on the same day ends this one that day (never before it began).
    public static func period(start: CalendarDate, predictedEnd: CalendarDate?, nextStart next: CalendarDate?)
        -> (from: CalendarDate, to: CalendarDate?)
    {
        let endedBy = next.map { max(start, $0.adding(days: -1)) }
        let plannedEnd = predictedEnd.map { max(start, $0) }
        switch (endedBy, plannedEnd) {
        case (let a?, let b?): return (start, min(a, b))
        case (let a?, nil): return (start, a)
        case (nil, let b?): return (start, b)
        case (nil, nil): return (start, nil)
        }
    }

    /// Periods for one person's activities, given in the order they started
    /// (start date, then the order they were recorded).
    public static func periods(_ activities: [(start: CalendarDate, predictedEnd: CalendarDate?)]) -> [(from: CalendarDate, to: CalendarDate?)] {
        activities.indices.map { index in
            let next = index + 1 < activities.count ? activities[index + 1].start : nil
            return period(start: activities[index].start, predictedEnd: activities[index].predictedEnd, nextStart: next)
        }
    }
}
