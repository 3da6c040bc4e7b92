/// The destination groups the Annual Activity Survey reports.
///
/// The national CSV layout and its codes are not in our reference ([GAP], §7), so these groups are
/// Waymark's, built on the standard's activity groups and on the duty to participate.
public enum SurveyDestination: String, CaseIterable, Sendable, Hashable, Codable {
    /// Full-time education: the codes in the participation measure's full-time education part.
    case fullTimeEducation = "full-time education"
    case apprenticeship
    /// Employment (3xx, 550) whose study meets the duty to participate: 320, 381 and 550.
    case employmentWithTraining = "employment with training"
    /// Employment that does not meet the duty: 330, 340 (the training is not accredited), 350, 360, 380.
    case employmentWithoutTraining = "employment without training"
    /// The rest of the education group (250 part-time education, 260 gap year) and all training (4xx).
    case otherEducationAndTraining = "other education and training"
    /// 540 and 6xx, and 530 re-engagement, as the classifier counts them.
    case neet = "NEET"
    /// A recorded 8xx code, a lapsed record, a leftover pre-16 record, or nothing recorded.
    case notKnown = "not known"
    /// Custody (710) or refugee (720).
    case custodyOrOther = "custody or other"
    /// Transferred to another LA (T) or left England (E): that authority reports them now.
    case movedAway = "moved away"

    /// The destination of someone the classifier found EET, from their activity code.
    static func forEET(_ code: ActivityCode) -> SurveyDestination {
        if code == .apprenticeship { return .apprenticeship }
        switch code.group {
        case .employment: return code.countsAsParticipation ? .employmentWithTraining : .employmentWithoutTraining
        case .education where code.participationPart == .fullTimeEducation: return .fullTimeEducation
        default: return .otherEducationAndTraining
        }
    }
}
