import Foundation
import Logging
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkStore
import WaymarkSynthetic
import WaymarkTestSupport

/// The figures job's 24-month trend is counted apart from the whole figures,
/// in the same read; each of its months must still be what the whole figures
/// computation gives for that month alone.
@Suite struct FiguresTrendTests {
    static let monthEnd = d("2026-10-31")

    static func jobs(_ store: Store) throws -> StandardJobs {
        StandardJobs(store: store, registry: DemoAuthority.registry, laCode: try ReturnFixtures.la, returnsDirectory: NSTemporaryDirectory())
    }

    @Test(arguments: TestDatabases.engines)
    func eachMonthOfTheTrendEqualsTheFiguresForThatMonthAlone(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let configuration = SyntheticLAConfiguration(seed: 17, people: 700, referenceDate: d("2026-11-18"))
            _ = try await DemoLoader(store: store, logger: .init(label: "test")).load(SyntheticLA(configuration), now: ReturnFixtures.now)
            let result = try await Self.jobs(store).figures(monthEnd: Self.monthEnd)
            let trend = try #require(result.trend)
            #expect(trend.points.count == 24)
            #expect(trend.points.first?.date == d("2024-11-30") && trend.points.last?.date == Self.monthEnd)
            #expect(result.report.months.map(\.date) == [Self.monthEnd], "the whole figures for the month asked for only")

            let whole = StatutoryFigures(store: store, registry: DemoAuthority.registry, laCode: try ReturnFixtures.la)
            for point in trend.points {
                let alone = try await whole.figures(at: [point.date])
                #expect(alone.report.month(point.date)?.headline == point.counts, "\(point.date)")
                #expect(alone.skipped == result.skipped)
            }
            #expect(trend.points.allSatisfy { $0.counts.cohort > 100 }, "a synthetic LA has a cohort every month")
            #expect(Set(trend.points.map(\.counts)).count > 1, "and the months differ")
            #expect(trend.decemberToFebruaryAverage(forAcademicYear: AcademicYear(startYear: 2025)) != nil)
        }
    }

    /// The guarantee's progress is counted in the same read, each point with
    /// the month figures' own rule: a point equals the whole figures computed
    /// for its date alone, and the last is the month's guarantee.
    @Test(arguments: TestDatabases.engines)
    func theGuaranteeProgressEqualsTheWholeFiguresOnEachDate(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let configuration = SyntheticLAConfiguration(seed: 17, people: 700, referenceDate: d("2026-11-18"))
            _ = try await DemoLoader(store: store, logger: .init(label: "test")).load(SyntheticLA(configuration), now: ReturnFixtures.now)
            let result = try await Self.jobs(store).figures(monthEnd: Self.monthEnd)
            let progress = try #require(result.guaranteeProgress)
            #expect(progress.points.map(\.date) == GuaranteeProgress.dates(through: Self.monthEnd))
            #expect(progress.points.last?.figures == result.report.month(Self.monthEnd)?.guarantee, "the chart ends at the page's sentence")
            let whole = StatutoryFigures(store: store, registry: DemoAuthority.registry, laCode: try ReturnFixtures.la)
            for point in [progress.points[0], progress.points[3], progress.points[6]] {
                let alone = try await whole.figures(at: [point.date])
                #expect(alone.report.month(point.date)?.guarantee == point.figures, "\(point.date)")
            }
            let first = try #require(progress.points.first?.figures.all), last = try #require(progress.points.last?.figures.all)
            #expect(first.cohort > 50 && last.cohort > 50)
            #expect(first.offerMade < last.offerMade, "offers recorded through the autumn, from the day each was recorded: \(first) → \(last)")
        }
    }

    /// Results stored before the trend was kept apart have no `trend`: they
    /// still decode, and their twelve whole months are the trend.
    @Test func anOlderStoredResultStillDecodesWithItsMonthsAsTheTrend() throws {
        var months = [MonthFigures(date: d("2026-09-30")), MonthFigures(date: d("2026-10-31"))]
        months.sort { $0.date < $1.date }
        let current = FiguresJobResult(report: FiguresReport(months: months), trend: HeadlineTrend(points: []), skipped: 2)
        var stored = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(current)) as? [String: Any])
        stored.removeValue(forKey: "trend")
        let older = try JSONDecoder().decode(FiguresJobResult.self, from: JSONSerialization.data(withJSONObject: stored))
        #expect(older.trend == nil && older.skipped == 2)
        #expect(older.headlineTrend.points.map(\.date) == [d("2026-09-30"), d("2026-10-31")])
    }
}
