/// The first assessment with an instrument, or a later review against it.
public enum AssessmentKind: String, Sendable, CaseIterable, Codable {
    case assessment
    case review

    public var label: String {
        switch self {
        case .assessment: "Assessment"
        case .review: "Review"
        }
    }
}

/// Whose view a set of ratings is. A young person's own view is held for
/// the adviser to discuss and is never counted as the adviser's (nor in
/// distance travelled).
public enum AssessmentRater: String, Sendable, CaseIterable, Codable {
    case adviser
    case youngPerson = "young-person"

    public var label: String {
        switch self {
        case .adviser: "Adviser’s assessment"
        case .youngPerson: "Young person’s own view"
        }
    }
}

/// A draft can be changed; a completed assessment never again (the store refuses it too).
public enum AssessmentStatus: String, Sendable, CaseIterable, Codable {
    case draft
    case completed
}
