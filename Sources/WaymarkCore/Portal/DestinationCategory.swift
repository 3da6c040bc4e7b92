/// Where a school's leaver is now, in the broad categories Gatsby Benchmark 3
/// asks a school to track its leavers by. A category says what kind of thing
/// the young person does, never where: a school sees it for every leaver it
/// reaches (the current activity class), while the provider and the exact
/// activity go only with the young person's consent (docs/POLICIES.md).
public enum DestinationCategory: String, CaseIterable, Sendable, Codable, Comparable {
    case education
    case apprenticeship
    case employment
    case training
    case neet = "NEET"
    case notKnown = "not known"
    /// Custody or asylum (710, 720): neither participating nor NEET.
    case other

    public var label: String {
        switch self {
        case .education: "Education"
        case .apprenticeship: "Apprenticeship"
        case .employment: "Employment"
        case .training: "Training"
        case .neet: "NEET"
        case .notKnown: "Not known"
        case .other: "Custody or asylum"
        }
    }

    /// NEET or not known: who a school should be asked about first.
    public var needsAttention: Bool { self == .neet || self == .notKnown }

    /// The category of a current activity on `today`, by the rules every
    /// figure uses: nothing recorded, a leftover pre-16 code or a recorded
    /// 8xx code is not known; an education, employment or training record
    /// whose currency lapsed before today is not known; a lapsed NEET record
    /// stays NEET; re-engagement (530) counts with NEET.
    public static func of(activityCode code: ActivityCode?, lapsesOn: CalendarDate?, on today: CalendarDate) -> DestinationCategory {
        guard let code else { return .notKnown }
        let lapsed = lapsesOn.map { $0 < today } ?? false
        switch code.group {
        case .preSixteen, .notKnown: return .notKnown
        case .neet, .reEngagement: return .neet
        case .other: return .other
        case .education: return lapsed ? .notKnown : .education
        case .employment: return lapsed ? .notKnown : (code == .apprenticeship ? .apprenticeship : .employment)
        case .training: return lapsed ? .notKnown : .training
        }
    }

    public static func < (lhs: DestinationCategory, rhs: DestinationCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
