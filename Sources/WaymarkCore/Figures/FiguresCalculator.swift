/// Works out the statutory figures for many dates in one pass over the people.
///
/// Add each young person's ``FigureFacts`` once; only the running counts are kept, so a
/// quarter of a million people cost no more memory than ten. Each person is classified on
/// every date with the one classification function.
public struct FiguresCalculator: Sendable {
    public let classifier: ParticipationClassifier
    private var months: [MonthFigures]

    /// - Parameter dates: the dates to report, usually ``FiguresReport/monthEnds(from:through:)``;
    ///   duplicates are dropped and the report lists them in date order.
    public init(dates: [CalendarDate], classifier: ParticipationClassifier = .init()) {
        self.classifier = classifier
        months = Set(dates).sorted().map(MonthFigures.init(date:))
    }

    /// The dates being reported, earliest first.
    public var dates: [CalendarDate] { months.map(\.date) }

    public mutating func add(_ facts: FigureFacts) {
        for index in months.indices {
            months[index].add(facts, classifier: classifier)
        }
    }

    public var result: FiguresReport { FiguresReport(months: months) }
}
