/// How many surveyed young people went to each destination.
public struct DestinationCounts: Sendable, Hashable {
    public private(set) var counts: [SurveyDestination: Int]

    public init(_ counts: [SurveyDestination: Int] = [:]) {
        self.counts = counts
    }

    /// Everybody surveyed, moved-away and not-known included.
    public var total: Int { counts.values.reduce(0, +) }

    public func count(_ destination: SurveyDestination) -> Int { counts[destination] ?? 0 }

    /// A destination's share of everybody surveyed, so the shares of all destinations add up to 100%.
    public func share(_ destination: SurveyDestination) -> Proportion { Proportion(count(destination), of: total) }

    public mutating func add(_ destination: SurveyDestination) {
        counts[destination, default: 0] += 1
    }

    /// The total, then count and percentage (one decimal place) for each destination in ``SurveyDestination`` order.
    var csvCells: [String] {
        [String(total)] + SurveyDestination.allCases.flatMap { [String(count($0)), share($0).percentageText] }
    }

    static var csvHeaderCells: [String] {
        ["Cohort"] + SurveyDestination.allCases.flatMap { [$0.rawValue, "\($0.rawValue) %"] }
    }
}

/// The survey's destinations for one Year 11 school.
public struct SchoolDestinations: Sendable, Hashable {
    public let school: RecordedName
    public internal(set) var destinations: DestinationCounts

    public init(school: RecordedName, destinations: DestinationCounts = DestinationCounts()) {
        self.school = school
        self.destinations = destinations
    }

    public var total: Int { destinations.total }
    public func count(_ destination: SurveyDestination) -> Int { destinations.count(destination) }
    public func share(_ destination: SurveyDestination) -> Proportion { destinations.share(destination) }

    /// `School,Cohort,full-time education,full-time education %,…,moved away,moved away %`.
    public static var csvHeader: String { CSVText.line(["School"] + DestinationCounts.csvHeaderCells) }

    /// This school's line, without a line ending.
    public var csvLine: String { CSVText.line([school.description] + destinations.csvCells) }
}

/// Adds survey rows up by school, one row at a time, for the per-school summary.
public struct ActivitySurveySummary: Sendable, Equatable {
    private var bySchool: [RecordedName: DestinationCounts] = [:]
    /// Every school together: the local authority's figure.
    public private(set) var allSchools = DestinationCounts()

    public init() {}

    public init(_ rows: some Sequence<ActivitySurveyRow>) {
        for row in rows { add(row) }
    }

    public mutating func add(_ row: ActivitySurveyRow) {
        bySchool[RecordedName(row.schoolName), default: DestinationCounts()].add(row.destination)
        allSchools.add(row.destination)
    }

    /// One entry per school in name order; pupils with no school recorded come last.
    public var schools: [SchoolDestinations] {
        bySchool.sorted { $0.key < $1.key }.map { SchoolDestinations(school: $0.key, destinations: $0.value) }
    }

    /// The header, a line per school, then an "All schools" line; CRLF line endings.
    public var csv: String {
        let total = CSVText.line(["All schools"] + allSchools.csvCells)
        return CSVText.document([SchoolDestinations.csvHeader] + schools.map(\.csvLine) + [total])
    }
}
