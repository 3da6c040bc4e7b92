import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// LA-wide work a page may ask for. Each runs as a job, never in the request.
/// The request, encoded, is the job's parameters, and its key: two people
/// asking for the same thing share one job.
public enum JobRequest: Sendable, Equatable, Codable {
    /// Figures for the twelve months ending `monthEnd`.
    case figures(monthEnd: CalendarDate)
    /// What stands between the LA and a clean return for a period end.
    case readiness(periodEnd: CalendarDate)
    /// The NCCIS return file for a period end; `force` writes it despite blockers.
    case nccisReturn(periodEnd: CalendarDate, force: Bool)
    /// A duplicate scan over everyone in the scope.
    case duplicateScan(scope: RecordScope)
    /// Brings stored participation positions up to date for a day (what time alone changes).
    case positions(day: CalendarDate)
    /// The Annual Activity Survey for a year (1 November of that year).
    case activitySurvey(year: Int)
    /// What the retention policy (its one-line summary) would erase or anonymise on a day: a dry run, counts only.
    case retentionReport(day: CalendarDate, policy: String)
    /// Every risk-of-NEET score recomputed, as at the day (a cycle's first day, or the day the settings changed).
    case riskScores(day: CalendarDate)
    /// The back-test on the LA's history as at a day, with the settings version in force (nil: the default).
    case riskBackTest(day: CalendarDate, settingsID: Int64?)
    /// Reminders for the referrals whose state's timer has run out by the day.
    case referralReminders(day: CalendarDate)

    public var kind: JobKind {
        switch self {
        case .figures: .figures
        case .readiness: .readiness
        case .nccisReturn: .nccisReturn
        case .duplicateScan: .duplicateScan
        case .positions: .positions
        case .activitySurvey: .activitySurvey
        case .retentionReport: .retentionReport
        case .riskScores: .riskScores
        case .riskBackTest: .riskBackTest
        case .referralReminders: .referralReminders
        }
    }

    /// The parameters as canonical JSON (sorted keys), so equal requests have equal keys.
    public var parameters: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding an enum of dates, flags and a scope cannot fail.
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? "{}"
    }

    public var requestKey: String { kind.rawValue + " " + parameters }

    public static func decode(_ parameters: String) throws -> JobRequest {
        try JSONDecoder().decode(JobRequest.self, from: Data(parameters.utf8))
    }
}

/// The kinds of job, as stored in `job.kind`.
public enum JobKind: String, Sendable, CaseIterable {
    case figures
    case readiness = "return-readiness"
    case nccisReturn = "nccis-return"
    case duplicateScan = "duplicate-scan"
    case positions = "participation-positions"
    case activitySurvey = "activity-survey"
    case retentionReport = "retention-report"
    case riskScores = "risk-scores"
    case riskBackTest = "risk-back-test"
    case referralReminders = "referral-reminders"
}
