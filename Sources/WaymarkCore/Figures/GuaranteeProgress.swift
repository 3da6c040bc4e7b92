/// The September Guarantee week by week through an autumn: at each date, the
/// same ``GuaranteeFigures`` a month's figures hold (the one classification
/// decides who is in the cohort, each record counted as it stood that day),
/// so the last point and the month's own guarantee figure are one number.
public struct GuaranteeProgress: Sendable, Equatable, Codable {
    public struct Point: Sendable, Equatable, Codable {
        public let date: CalendarDate
        public let figures: GuaranteeFigures

        public init(date: CalendarDate, figures: GuaranteeFigures) {
            self.date = date
            self.figures = figures
        }
    }

    /// Earliest first.
    public let points: [Point]

    public init(points: [Point]) {
        self.points = points.sorted { $0.date < $1.date }
    }

    /// Every seventh day from 7 September of the academic year containing the
    /// month end, up to the month end (which is always the last point), but no
    /// later than 31 March: the guarantee is measured from September to March,
    /// so a month from April to August shows the guarantee already run.
    public static func dates(through monthEnd: CalendarDate) -> [CalendarDate] {
        let year = AcademicYear(containing: monthEnd).startYear
        let last = min(monthEnd, CalendarDate(unchecked: year + 1, 3, 31))
        var dates: [CalendarDate] = []
        var day = CalendarDate(unchecked: year, 9, 7)
        while day < last {
            dates.append(day)
            day = day.adding(days: 7)
        }
        return dates + [last]
    }
}

/// Works out ``GuaranteeProgress`` in the figures job's one pass over the people.
public struct GuaranteeProgressCalculator: Sendable {
    public let classifier: ParticipationClassifier
    private var points: [(date: CalendarDate, figures: GuaranteeFigures)]

    public init(dates: [CalendarDate], classifier: ParticipationClassifier = .init()) {
        self.classifier = classifier
        points = Set(dates).sorted().map { ($0, GuaranteeFigures(academicYear: AcademicYear(containing: $0))) }
    }

    public mutating func add(_ facts: FigureFacts) {
        for index in points.indices {
            let date = points[index].date
            let age = facts.academicAge(on: date)
            // Only 16- and 17-year-olds are measured: the others need no classifying.
            guard GuaranteeFigures.guaranteeYear(forAcademicAge: age) != nil else { continue }
            let state = classifier.classify(facts.participationFacts(on: date), on: date)
            points[index].figures.add(facts, state: state, academicAge: age, on: date)
        }
    }

    public var result: GuaranteeProgress {
        GuaranteeProgress(points: points.map { GuaranteeProgress.Point(date: $0.date, figures: $0.figures) })
    }
}
