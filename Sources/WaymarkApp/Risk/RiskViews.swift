public import WaymarkCore
public import WaymarkRecords
import WaymarkStore

/// The settings page: what is in force, the documented default, and earlier versions.
public struct RiskSettingsView: Sendable {
    public let settings: RiskSettings
    /// Nil while the LA uses the default.
    public let current: RiskSettingsVersion?
    public let history: [RiskSettingsVersion]
}

/// The back-test page: the job's state and its latest result.
public struct BackTestView: Sendable {
    public let job: JobState
    public let result: BackTestResult?
    /// The settings the result was worked out with are not those in force now.
    public let settingsChangedSince: Bool
}

/// A school's line on the LA's page of lists.
public struct RiskSchoolSummary: Sendable, Equatable {
    public let schoolID: Int64
    public let name: String
    public let pupils: Int
    public let medium: Int
    public let high: Int
}

/// One pupil on a school's list page.
public struct RiskListEntry: Sendable, Equatable {
    public let personID: Int64
    public let name: String
    public let yearGroup: Int
    public let points: Int
    public let band: RiskBand
    /// The reasons the viewer may see, with their points; `points` is their sum.
    public let reasons: [RiskReason]
    /// On the list: medium or high, unless the school took them off; or put on by the school.
    public let onList: Bool
    /// The school's change in force, if any.
    public let change: RiskListChange?
}

/// A school's list.
public struct RiskSchoolList: Sendable {
    public let schoolID: Int64
    public let schoolName: String
    public let entries: [RiskListEntry]
    /// When the scores were last worked out (nil before the first refresh).
    public let scoredOn: CalendarDate?
    public let settings: RiskSettings
}
