/// How long a recorded activity stays trusted before it must be confirmed again.
///
/// The national currency periods (MI requirement Appendix A) are not in our
/// reference, so every period here is a Waymark default that a local
/// authority can change. The two fixed rules come from the standard: currency
/// never runs past the predicted end date (error 238), and an activity has
/// lapsed when its due-to-lapse date is before the period end (errors 231/232).
public struct CurrencyPolicy: Sendable, Equatable {
    /// How long an activity in a group stays current after it was last confirmed.
    public enum Period: Sendable, Equatable {
        case months(Int)
        /// Until 31 August of the academic year it was confirmed in (pre-16: error 909).
        case endOfAcademicYear
    }

    public var periods: [ActivityGroup: Period]
    /// Whether a review date brings the lapse forward (temporary work, gap year, custody).
    public var reviewDateCapsCurrency: Bool

    public init(periods: [ActivityGroup: Period], reviewDateCapsCurrency: Bool = true) {
        self.periods = periods
        self.reviewDateCapsCurrency = reviewDateCapsCurrency
    }

    /// Waymark's documented defaults (see docs/POLICIES.md).
    public static let waymarkDefault = CurrencyPolicy(periods: [
        .preSixteen: .endOfAcademicYear,
        .education: .months(12),
        .employment: .months(6),
        .training: .months(6),
        .reEngagement: .months(3),
        .neet: .months(3),
        .other: .months(6),
        .notKnown: .months(0),
    ])

    /// The date the activity's currency expires.
    public func dueToLapseDate(for activity: ActivityRecord) -> CalendarDate {
        let anchor = activity.lastConfirmed
        var due: CalendarDate
        switch periods[activity.code.group] ?? .months(0) {
        case .months(let months): due = anchor.adding(months: months)
        case .endOfAcademicYear: due = AcademicYear(containing: anchor).lastDay
        }
        if reviewDateCapsCurrency, let review = activity.reviewDate, review >= anchor { due = min(due, review) }
        if let end = activity.predictedEndDate { due = min(due, end) }
        return due
    }

    /// Lapsed at a period end: the due-to-lapse date is strictly before it.
    public func hasLapsed(_ activity: ActivityRecord, at periodEnd: CalendarDate) -> Bool {
        dueToLapseDate(for: activity) < periodEnd
    }
}
