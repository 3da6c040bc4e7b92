/// Why a school or college thinks a pupil is at risk of not taking up a
/// place: a fixed list, with no free text, so that a concern raised through
/// the portal never carries health or family details the portal may not hold.
public enum PortalConcern: String, CaseIterable, Sendable, Codable {
    case noPlan = "no-plan"
    case noApplication = "no-application"
    case attendance
    case mayNotTakeUpPlace = "may-not-take-up-place"
    case disengaged
    case leftEarly = "left-early"

    public var label: String {
        switch self {
        case .noPlan: "No plan for after they leave"
        case .noApplication: "Has not applied anywhere"
        case .attendance: "Poor or falling attendance"
        case .mayNotTakeUpPlace: "Has a place but may not take it up"
        case .disengaged: "Disengaged from learning"
        case .leftEarly: "Stopped attending before the end of the course"
        }
    }
}
