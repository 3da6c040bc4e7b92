/// Who goes into the monthly return for a period end (reference §6.3):
/// cohort status P and G every month while they are in the tracked ages;
/// leavers (A, T, E, M, D, L) once, in the month their status changed.
///
/// Records whose status or date of birth cannot be read are included, so the
/// return's validation reports them instead of the file silently leaving
/// someone out.
public struct ReturnSelection: Sendable, Equatable {
    public var cohort: CohortPolicy

    public init(cohort: CohortPolicy = .standard) {
        self.cohort = cohort
    }

    public func includes(
        cohortStatus: String?, statusSince: CalendarDate?, dateOfBirth: CalendarDate?, hasSEND: Bool, periodEnd: CalendarDate
    ) -> Bool {
        guard let text = cohortStatus, let status = try? CohortStatus.parse(text), let dateOfBirth else { return true }
        if status.isActive {
            return cohort.membership(dateOfBirth: dateOfBirth, hasSEND: hasSEND, on: periodEnd).isTracked
        }
        // A leaver with no recorded date of leaving was never reported as leaving
        // by Waymark; the readiness report counts them, the return leaves them out.
        guard let since = statusSince else { return false }
        return since <= periodEnd && since > Self.previousPeriodEnd(before: periodEnd)
    }

    /// The last day of the month before the period end's month.
    public static func previousPeriodEnd(before periodEnd: CalendarDate) -> CalendarDate {
        periodEnd.adding(days: -periodEnd.day)
    }
}
