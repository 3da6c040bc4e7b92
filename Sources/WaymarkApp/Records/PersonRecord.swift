import Foundation
public import WaymarkCore
public import WaymarkRecords
import WaymarkStore

/// A young person's record as one user may see it: everything their grant
/// withholds is already gone, and `withheld` says which classes those were,
/// so the page can say "restricted" rather than show an empty section.
public struct PersonRecord: Sendable {
    /// The person with withheld facts removed.
    public let person: PersonBundle
    /// Computed from the whole record before anything was withheld: SEND moves
    /// the cohort's upper age, so a redacted record would be classified wrongly.
    /// Nil when the date of birth or cohort status cannot be read.
    public let state: ParticipationState?
    /// The activity in force today, when the grant shows at least its category.
    public let currentActivity: ActivityRecord?
    public let activities: [StoredActivity]
    public let contacts: [StoredContact]
    public let contactDetails: [StoredContactDetail]
    public let followUps: [OpenFollowUp]
    public let appointments: [StoredAppointment]
    public let placement: CaseloadPlacement
    /// Names of the staff the record mentions (adviser, who recorded contacts).
    public let staffNames: [Int64: String]
    /// Merges into this record the user may still undo.
    public let merges: [Int64]
    public let visible: Set<SensitivityClass>
    /// Classes the role does not show (the same on every record); those a share refused are in `consentRefused` instead.
    public var withheld: [SensitivityClass] {
        SensitivityClass.allCases.filter { dataClass in !visible.contains(dataClass) && !consentRefused.contains { $0.dataClass == dataClass } }
    }
    public let mayChange: Bool
    public let mayAssign: Bool
    /// Whether the user could open the withheld classes with a reason.
    public let mayBreakGlass: Bool
    /// What this user opened on this record by breaking the glass, and until when (included in `visible`).
    public let brokenGlass: BreakGlassWindow?
    /// Whether the user may see who has looked at this record.
    public let mayReviewAccess: Bool
    /// Classes withheld from a school, college or provider because the share was refused (the young person's choices), with why.
    public let consentRefused: [RefusedShare]
    /// Whether the user may open the record's "Consent and sharing" page.
    public let mayManageConsent: Bool
    /// Assessments and the action plan, for those who see casework notes (else empty and nil).
    public var assessments: [StoredAssessment] = []
    public var instruments: [InstrumentReference: Instrument] = [:]
    public var plan: StoredActionPlan?

    public func shows(_ sensitivity: SensitivityClass) -> Bool { visible.contains(sensitivity) }
}

/// What opening a record led to.
public enum RecordOpening: Sendable {
    case shown(PersonRecord)
    /// The record was merged into another the user may see: follow the old link there.
    case mergedInto(Int64)
    /// Unknown, or outside the user's scope: the two are not told apart.
    case notFound
}
