/// The headline counts (EET, NEET, not known) at each of many month ends: the
/// trend a chart draws, without the breakdowns of ``MonthFigures``.
///
/// It is kept apart from ``FiguresReport`` so that two years of months cost
/// one classification a person a month rather than every breakdown besides.
public struct HeadlineTrend: Sendable, Equatable, Codable {
    public struct Point: Sendable, Equatable, Codable {
        public let date: CalendarDate
        public internal(set) var counts: StateCounts

        public init(date: CalendarDate, counts: StateCounts) {
            self.date = date
            self.counts = counts
        }
    }

    /// One point per month end, earliest first.
    public let points: [Point]

    public init(points: [Point]) {
        self.points = points.sorted { $0.date < $1.date }
    }

    /// The headline counts of a report's months, for results stored before the trend was kept apart.
    public init(report: FiguresReport) {
        self.init(points: report.months.map { Point(date: $0.date, counts: $0.headline) })
    }

    public func counts(on date: CalendarDate) -> StateCounts? {
        points.first { $0.date == date }?.counts
    }

    /// The DfE's annual measure over the trend's months; nil unless all three month ends are in it with a cohort.
    public func decemberToFebruaryAverage(forAcademicYear year: AcademicYear) -> ThreeMonthAverage? {
        ThreeMonthAverage.decemberToFebruary(of: year) { counts(on: $0) }
    }

    /// The academic years whose December, January and February month ends all fall in the trend, earliest first.
    public var academicYearsWithWinters: [AcademicYear] {
        let years = Set(points.map { AcademicYear(containing: $0.date) }).sorted()
        return years.filter { decemberToFebruaryAverage(forAcademicYear: $0) != nil }
    }
}

/// Works out a ``HeadlineTrend`` in one pass over the people, classifying each
/// person on every month end with the one classification function.
public struct HeadlineTrendCalculator: Sendable {
    public let classifier: ParticipationClassifier
    private var points: [HeadlineTrend.Point]
    private let dates: [CalendarDate]

    /// Duplicate dates are dropped; the trend lists them in date order.
    public init(dates: [CalendarDate], classifier: ParticipationClassifier = .init()) {
        self.classifier = classifier
        self.dates = Set(dates).sorted()
        points = self.dates.map { HeadlineTrend.Point(date: $0, counts: StateCounts()) }
    }

    public mutating func add(_ facts: FigureFacts) {
        for (index, participation) in facts.participationFacts(onEach: dates).enumerated() {
            points[index].counts.add(classifier.classify(participation, on: dates[index]))
        }
    }

    public var result: HeadlineTrend { HeadlineTrend(points: points) }
}
