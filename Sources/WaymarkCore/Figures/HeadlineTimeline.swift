/// One young person's headline state (EET, NEET, not known, other, or not
/// counted) as a step function of the day: where it changes and to what.
///
/// The classification of a day depends only on the records and the day, never
/// on when it is asked, so a timeline computed when the records change stays
/// true as time passes; the LA's count on any day is then the sum of every
/// person's steps up to it (``HeadlineSteps``), which the store keeps.
public struct HeadlineTimeline: Sendable, Equatable {
    /// A headline state that is counted; people not in the cohort are not.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case eet = "E", neet = "N", notKnown = "K", other = "O"

        public init?(_ state: ParticipationState) {
            switch state {
            case .eet: self = .eet
            case .neet: self = .neet
            case .notKnown: self = .notKnown
            case .other: self = .other
            case .notInCohort: return nil
            }
        }
    }

    /// From `day` on, the person is in `kind` (nil: not counted), until the next segment.
    public struct Segment: Sendable, Equatable {
        public let day: CalendarDate
        public let kind: Kind?

        public init(day: CalendarDate, kind: Kind?) {
            self.day = day
            self.kind = kind
        }
    }

    /// Earliest first; before the first and after a segment of nil the person is not counted.
    public let segments: [Segment]

    public init(segments: [Segment]) {
        self.segments = segments
    }

    /// Walks the person's years in the tracked ages with the one classifier:
    /// each position says the first later day its answer could differ
    /// (``ParticipationPosition/validUntil``), so only those days are asked.
    /// Outside academic ages 14 to 26 nobody is in the cohort.
    public init(dateOfBirth: CalendarDate, cohortStatus: CohortStatus, activities: [ActivityRecord], needs: [NeedFact], classifier: ParticipationClassifier) {
        let start = CalendarDate(unchecked: dateOfBirth.year + 14, 9, 1)
        let end = CalendarDate(unchecked: dateOfBirth.year + 27, 9, 1)
        var found: [Segment] = []
        var day = start
        while day < end {
            let position = classifier.position(dateOfBirth: dateOfBirth, cohortStatus: cohortStatus, activities: activities, needs: needs, on: day)
            let kind = Kind(position.state)
            if found.last?.kind != kind, !(found.isEmpty && kind == nil) { found.append(Segment(day: day, kind: kind)) }
            day = max(position.validUntil, day.adding(days: 1))
        }
        if let last = found.last, last.kind != nil { found.append(Segment(day: end, kind: nil)) }
        segments = found
    }

    /// The state on a day (nil: not counted).
    public func kind(on day: CalendarDate) -> Kind? {
        segments.last { $0.day <= day }?.kind
    }

    /// +1 where a counted state starts, −1 where it ends.
    public var steps: [HeadlineSteps.Key: Int] {
        var steps: [HeadlineSteps.Key: Int] = [:]
        var previous: Kind?
        for segment in segments {
            if let previous { steps[HeadlineSteps.Key(day: segment.day, kind: previous), default: 0] -= 1 }
            if let kind = segment.kind { steps[HeadlineSteps.Key(day: segment.day, kind: kind), default: 0] += 1 }
            previous = segment.kind
        }
        return steps
    }

    /// Written as `2024-09-01N;2025-03-02E;2026-09-01-`: ten characters of day and one of state.
    public var stored: String {
        segments.map { $0.day.iso + ($0.kind?.rawValue ?? "-") }.joined(separator: ";")
    }

    /// Reads back ``stored``; nil when the text is not what it wrote.
    public init?(stored text: String) {
        var found: [Segment] = []
        for part in text.split(separator: ";") where !part.isEmpty {
            guard part.count == 11, let day = try? CalendarDate(iso: String(part.prefix(10))) else { return nil }
            let code = String(part.suffix(1))
            if code == "-" {
                found.append(Segment(day: day, kind: nil))
            } else {
                guard let kind = Kind(rawValue: code) else { return nil }
                found.append(Segment(day: day, kind: kind))
            }
        }
        segments = found
    }
}

/// The LA's headline counts on any day from the sum of everyone's timeline
/// steps: a count on a day is every step on or before it.
public struct HeadlineSteps: Sendable {
    public struct Key: Sendable, Hashable, Comparable {
        public let day: CalendarDate
        public let kind: HeadlineTimeline.Kind

        public init(day: CalendarDate, kind: HeadlineTimeline.Kind) {
            self.day = day
            self.kind = kind
        }

        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.day, lhs.kind.rawValue) < (rhs.day, rhs.kind.rawValue)
        }
    }

    /// Steps in day order (any order is accepted and sorted).
    let steps: [(day: CalendarDate, kind: HeadlineTimeline.Kind, delta: Int)]

    public init(_ steps: [(day: CalendarDate, kind: HeadlineTimeline.Kind, delta: Int)]) {
        self.steps = steps.sorted { $0.day < $1.day }
    }

    /// The counts on each day asked, in one walk of the steps.
    public func counts(on days: [CalendarDate]) -> [CalendarDate: StateCounts] {
        var result: [CalendarDate: StateCounts] = [:]
        var running = StateCounts()
        var next = 0
        for day in Set(days).sorted() {
            while next < steps.count, steps[next].day <= day {
                let step = steps[next]
                switch step.kind {
                case .eet: running.eet += step.delta
                case .neet: running.neet += step.delta
                case .notKnown: running.notKnown += step.delta
                case .other: running.other += step.delta
                }
                next += 1
            }
            result[day] = running
        }
        return result
    }
}
