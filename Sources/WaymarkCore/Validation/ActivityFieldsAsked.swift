/// Which of an activity's optional NCCIS fields a form asks for, given its
/// code: a NEET start date only for NEET activities (error 226 refuses it
/// anywhere else), a predicted end date where education, training or work
/// has one, a provider only where there is one to name. Asking for the
/// rest invites answers the return then rejects.
public struct ActivityFieldsAsked: Sendable, Equatable {
    public enum Need: Sendable, Equatable {
        case required
        case optional
        case notAsked
    }

    public private(set) var neetStartDate: Need
    public private(set) var predictedEndDate: Need
    public private(set) var reviewDate: Need
    /// The school, college or provider: name, establishment number and UKPRN, all optional.
    public private(set) var provider: Bool

    public init(for code: ActivityCode) {
        neetStartDate = code.requiresNEETStartDate ? .required : .notAsked
        if code.requiresPredictedEndDate {
            predictedEndDate = .required
        } else {
            predictedEndDate = [.employment, .reEngagement, .education, .training].contains(code.group) ? .optional : .notAsked
        }
        // Any activity may carry a review date: it caps how long the activity stays current.
        reviewDate = code.requiresReviewDate ? .required : .optional
        provider = [.preSixteen, .education, .training, .employment, .reEngagement].contains(code.group)
    }

    /// The same, with fields that already hold something asked for as
    /// optional: what was typed stays on screen beside the rule it broke.
    public func showing(neetStartDate neet: Bool, predictedEndDate end: Bool, provider named: Bool) -> ActivityFieldsAsked {
        var shown = self
        if neet, shown.neetStartDate == .notAsked { shown.neetStartDate = .optional }
        if end, shown.predictedEndDate == .notAsked { shown.predictedEndDate = .optional }
        shown.provider = provider || named
        return shown
    }
}
