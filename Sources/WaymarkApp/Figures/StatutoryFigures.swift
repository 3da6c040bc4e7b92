public import WaymarkCore
import WaymarkRecords
public import WaymarkStore

/// The figures managers and the Department look at, and the Annual Activity
/// Survey, computed in one streaming pass over the LA with the one
/// classification function.
public struct StatutoryFigures: Sendable {
    let store: Store
    let registry: LocalAuthorityRegistry
    let laCode: LocalAuthorityCode
    let classifier: ParticipationClassifier

    public init(store: Store, registry: LocalAuthorityRegistry, laCode: LocalAuthorityCode, classifier: ParticipationClassifier = .init()) {
        self.store = store
        self.registry = registry
        self.laCode = laCode
        self.classifier = classifier
    }

    /// Figures at each month end; `skipped` counts records that could not be read.
    public func figures(at dates: [CalendarDate], progress: PersonBundleReader.ReadProgress? = nil) async throws -> (report: FiguresReport, skipped: Int) {
        let computed = try await figures(at: dates, trendAt: [], progress: progress)
        return (computed.report, computed.skipped)
    }

    /// Every figure at `dates`, and the headline counts alone at `trendDates`,
    /// in one read of the people and their histories: the trend classifies
    /// each person once a month end and counts nothing else.
    public func figures(
        at dates: [CalendarDate], trendAt trendDates: [CalendarDate], progress: PersonBundleReader.ReadProgress? = nil
    ) async throws -> (report: FiguresReport, trend: HeadlineTrend, skipped: Int) {
        let computed = try await figures(at: dates, trendAt: trendDates, guaranteeAt: [], progress: progress)
        return (computed.report, computed.trend, computed.skipped)
    }

    /// As above, and the September Guarantee alone at `guaranteeDates` (its progress through the autumn).
    public func figures(
        at dates: [CalendarDate], trendAt trendDates: [CalendarDate], guaranteeAt guaranteeDates: [CalendarDate],
        progress: PersonBundleReader.ReadProgress? = nil
    ) async throws -> (report: FiguresReport, trend: HeadlineTrend, guarantee: GuaranteeProgress, skipped: Int) {
        var calculator = FiguresCalculator(dates: dates, classifier: classifier)
        var trend = HeadlineTrendCalculator(dates: trendDates, classifier: classifier)
        var guarantee = GuaranteeProgressCalculator(dates: guaranteeDates, classifier: classifier)
        var skipped = 0
        let latest = dates.max() ?? CalendarDate(dayNumber: 0)
        try await PersonBundleReader(store: store, registry: registry).forEachBatch(responsibleLA: laCode.code, progress: progress) { batch in
            for person in batch {
                guard let facts = FigureFactsMapper.facts(person, on: latest) else {
                    skipped += 1
                    continue
                }
                calculator.add(facts)
                trend.add(facts)
                guarantee.add(facts)
            }
        }
        return (calculator.result, trend.result, guarantee.result, skipped)
    }

    /// The survey's rows (with each person's return id) and the per-school summary.
    /// With `namesFor`, also collects the names of that school's young people
    /// for the LA's named list (never written to the national file).
    public func activitySurvey(year: Int, databaseID: String? = nil, namesFor school: String? = nil) async throws -> ActivitySurveyResult {
        let survey = ActivitySurvey(surveyYear: year, classifier: classifier)
        let ids = ReturnRecordMapper(databaseID: databaseID ?? laCode.code, periodEnd: survey.referenceDate, currency: classifier.currency)
        var result = ActivitySurveyResult(laCode: laCode)
        try await PersonBundleReader(store: store, registry: registry).forEachBatch(responsibleLA: laCode.code) { batch in
            for person in batch {
                guard let facts = FigureFactsMapper.facts(person, on: survey.referenceDate) else {
                    result.skipped += 1
                    continue
                }
                guard let row = survey.row(for: facts) else { continue }
                result.rows.append((row, ids.youngPersonsID(person.id)))
                if let school, person.schoolName == school {
                    result.names[person.id] = [person.givenName, person.familyName].compactMap { $0 }.joined(separator: " ")
                }
                result.summary.add(row)
            }
        }
        return result
    }
}

/// The Annual Activity Survey for one LA.
public struct ActivitySurveyResult: Sendable {
    public let laCode: LocalAuthorityCode
    public internal(set) var rows: [(row: ActivitySurveyRow, youngPersonsID: String)] = []
    public internal(set) var summary = ActivitySurveySummary()
    public internal(set) var skipped = 0
    /// Names for the named list, by person id, when they were asked for.
    public internal(set) var names: [Int64: String] = [:]

    /// The national CSV (Waymark's documented layout).
    public var nationalCSV: String { ActivitySurvey.csv(rows, laCode: laCode) }
}
