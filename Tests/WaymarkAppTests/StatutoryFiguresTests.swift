import Foundation
import Logging
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkSynthetic
import WaymarkTestSupport

@Suite struct StatutoryFiguresTests {
    static func demo(_ store: Store) async throws {
        let configuration = SyntheticLAConfiguration(seed: 11, people: 1_200, referenceDate: d("2026-11-18"))
        _ = try await DemoLoader(store: store, logger: .init(label: "test")).load(SyntheticLA(configuration), now: ReturnFixtures.now)
    }

    /// The home page's counts and the statutory figures come from the same
    /// classification function, read two different ways: they must agree.
    @Test(arguments: TestDatabases.engines)
    func figuresAgreeWithTheHomePageCountsForTheSameDate(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            try await Self.demo(store)
            let date = d("2026-10-31")
            let figures = StatutoryFigures(store: store, registry: DemoAuthority.registry, laCode: try ReturnFixtures.la)
            let (report, skipped) = try await figures.figures(at: [d("2026-09-30"), date])
            let counts = try await ParticipationQuery(store: store)
                .counts(responsibleLA: try ReturnFixtures.la, on: date, classifier: ParticipationClassifier())
            let month = try #require(report.month(date))
            #expect(skipped == 0)
            #expect(month.headline.cohort == counts.cohort)
            #expect(month.headline.neet == counts.neet)
            #expect(month.headline.notKnown == counts.notKnown)
            #expect(month.headline.eet == counts.eet)
            #expect(counts.cohort > 500)
            #expect(report.months.map(\.date) == [d("2026-09-30"), date])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theActivitySurveyCoversLastYearsYearElevenAndSumsPerSchool(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            try await Self.demo(store)
            let figures = StatutoryFigures(store: store, registry: DemoAuthority.registry, laCode: try ReturnFixtures.la)
            let survey = try await figures.activitySurvey(year: 2026)
            #expect(survey.rows.count > 100)
            #expect(survey.summary.schools.reduce(0) { $0 + $1.total } == survey.rows.count)
            let lines = survey.nationalCSV.split(separator: "\r\n")
            #expect(lines.first == "LACode,YoungPersonsID,EstablishmentName,ActivityCode,DestinationGroup")
            #expect(lines.count == survey.rows.count + 1)
            #expect(survey.rows.allSatisfy { $0.youngPersonsID.count == 13 && $0.youngPersonsID.hasPrefix("990") })
        }
    }
}
