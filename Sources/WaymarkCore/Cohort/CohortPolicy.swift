/// Who the local authority tracks and reports, by academic age.
///
/// Defaults follow the 2017 onward coverage (reference §6.1): the final
/// compulsory year (Year 11), academic age 16–17, and 18–24 with SEND (a
/// current EHC plan). Older rules (16–19) can be set without code changes.
public struct CohortPolicy: Sendable, Equatable {
    /// Academic ages everyone in the area is tracked at.
    public var coreAges: ClosedRange<Int>
    /// Academic ages tracked only with SEND.
    public var sendAges: ClosedRange<Int>
    /// The academic age of the final compulsory school year (Year 11).
    public var finalCompulsoryAge: Int

    public init(coreAges: ClosedRange<Int> = 16...17, sendAges: ClosedRange<Int> = 18...24, finalCompulsoryAge: Int = 15) {
        self.coreAges = coreAges
        self.sendAges = sendAges
        self.finalCompulsoryAge = finalCompulsoryAge
    }

    public static let standard = CohortPolicy()

    /// Which part of the tracked cohort a young person belongs to on a date.
    public func membership(dateOfBirth: CalendarDate, hasSEND: Bool, on date: CalendarDate) -> CohortMembership {
        let age = AcademicAge.of(dateOfBirth: dateOfBirth, on: date)
        if age == finalCompulsoryAge { return .year11 }
        if coreAges.contains(age) { return .core(academicAge: age) }
        if sendAges.contains(age) { return hasSEND ? .send(academicAge: age) : .notCovered(.olderWithoutSEND) }
        return .notCovered(age < finalCompulsoryAge ? .tooYoung : .tooOld)
    }
}

/// Where a young person stands against the cohort rules on a date.
public enum CohortMembership: Equatable, Sendable {
    /// In the final compulsory school year: tracked, but not in NEET figures.
    case year11
    /// Academic age 16–17: the headline cohort.
    case core(academicAge: Int)
    /// Academic age 18–24 with SEND.
    case send(academicAge: Int)
    case notCovered(NotCoveredReason)

    /// Returned in the monthly XML (Year 11, the core and the SEND extension).
    public var isTracked: Bool {
        if case .notCovered = self { return false }
        return true
    }

    public enum NotCoveredReason: String, Sendable {
        case tooYoung = "below Year 11"
        case tooOld = "above the tracked ages"
        case olderWithoutSEND = "aged 18 or over without SEND"
    }
}
