/// What being on an organisation's books means: a school's roll, a college's
/// enrolment, or a training provider's start.
public enum EnrolmentKind: String, CaseIterable, Sendable, Codable {
    case schoolRoll = "school-roll"
    case college
    case provider

    /// The kind of enrolment an organisation of this kind takes; nil for one
    /// that enrols nobody (local authorities, employers, agencies).
    public init?(organisation kind: OrganisationKind) {
        switch kind {
        case .school, .specialSchool: self = .schoolRoll
        case .sixthFormCollege, .furtherEducationCollege: self = .college
        case .trainingProvider: self = .provider
        case .localAuthority, .employer, .agency, .youthJustice, .leavingCare, .housing, .health, .voluntarySector, .jobcentre: return nil
        }
    }

    /// Whether an activity with this code at an organisation means the young
    /// person is enrolled there. Education, training and employment with
    /// training do; a pre-16 code only says a pupil is registered at school
    /// (the school's own roll says which and in what year group), and NEET,
    /// custody and not-known codes are not places of learning.
    public static func enrols(_ code: ActivityCode) -> Bool {
        switch code.group {
        case .education, .employment, .training: true
        case .preSixteen, .reEngagement, .neet, .other, .notKnown: false
        }
    }
}
