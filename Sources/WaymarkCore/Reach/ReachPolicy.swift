/// Who a school, college or training provider can see: the young people it
/// teaches now and, for a while, those who have left it (docs/POLICIES.md,
/// "Who a school, college or provider can see").
///
/// - A **school** (or special school) reaches its current pupils, and the
///   leavers who were on its roll in Year 11 until `leaverAcademicYears`
///   whole academic years have passed after the academic year they left in.
/// - A **college** or **training provider** reaches whoever enrolled or
///   started with it: an enrolment that is current, or that ended within the
///   same window.
/// - Any other organisation (an employer, an agency) reaches nobody.
///
/// The boundary, exactly: a stay that ended on a day in academic year A
/// (1 September A to 31 August A+1) is in reach until 31 August of
/// A + 1 + `leaverAcademicYears`, and out of reach from the next 1 September.
/// With the default 3, a pupil whose Year 11 ended in July 2025 (academic
/// year 2024/25) is reached through 2025/26, 2026/27 and 2027/28, and not
/// from 1 September 2028.
public struct ReachPolicy: Sendable, Equatable {
    /// Whole academic years a leaver stays in reach after the one they left in.
    public var leaverAcademicYears: Int

    public init(leaverAcademicYears: Int = 3) {
        self.leaverAcademicYears = max(0, leaverAcademicYears)
    }

    public static let standard = ReachPolicy()

    /// The earliest last day a stay can have and still be in reach on `today`:
    /// 1 September of the academic year `leaverAcademicYears` before today's.
    public func endedNoEarlierThan(on today: CalendarDate) -> CalendarDate {
        AcademicYear(startYear: AcademicYear(containing: today).startYear - leaverAcademicYears).firstDay
    }

    /// What an organisation of `kind` reaches on `today`.
    public func reach(of organisationID: Int64, kind: OrganisationKind, on today: CalendarDate) -> EstablishmentReach {
        let rule: EstablishmentReach.Rule =
            switch EnrolmentKind(organisation: kind) {
            case .schoolRoll: .schoolRoll
            case .college, .provider: .enrolment
            case nil: .nobody
            }
        return EstablishmentReach(organisationID: organisationID, rule: rule, today: today, endedNoEarlierThan: endedNoEarlierThan(on: today))
    }
}
