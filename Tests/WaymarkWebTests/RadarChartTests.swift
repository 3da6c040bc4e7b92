import Foundation
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
@testable import WaymarkWeb

/// The ring chart is drawn on the server: one polygon for each completed
/// assessment or review, one spoke for each area, named and described for
/// a screen reader, with the table beside it holding every rating.
@Suite struct RadarChartTests {
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    static func assessment(_ id: Int64, _ kind: AssessmentKind, _ day: String, _ value: Int, instrument: Instrument, status: AssessmentStatus = .completed,
                           rater: AssessmentRater = .adviser) throws -> StoredAssessment {
        StoredAssessment(
            id: id, personID: 1, instrument: instrument.reference, kind: kind, rater: rater, status: status, assessedOn: try CalendarDate(iso: day),
            ratings: Dictionary(uniqueKeysWithValues: instrument.areas.map { ($0.key, value) }), summary: nil, completedAt: nil, source: "user",
            recordedBy: 1, recordedAt: "2026-11-18T10:00:00Z")
    }

    @Test(arguments: [1, 2, 6])
    func onePolygonPerCompletedReviewAndOneSpokePerArea(_ reviews: Int) throws {
        let needs = try #require(InstrumentCatalogue.shipped.first)
        var stored = try (0..<reviews).map { try Self.assessment(Int64($0), $0 == 0 ? .assessment : .review, "2026-0\($0 + 1)-10", 1 + $0 % 5, instrument: needs) }
        // A draft and the young person's own view are not rings.
        stored.append(try Self.assessment(90, .review, "2026-08-01", 3, instrument: needs, status: .draft))
        stored.append(try Self.assessment(91, .assessment, "2026-08-02", 1, instrument: needs, rater: .youngPerson))
        let rings = try #require(AssessmentRings.all(stored, instruments: [needs.reference: needs], idPrefix: "t").first)
        let svg = rings.chart
        #expect(Self.count("<polygon", in: svg) == reviews)
        #expect(Self.count("class=\"chart-axis\"", in: svg) == needs.areas.count)
        #expect(svg.contains("role=\"img\"") && svg.contains("<title id=\"t-0-title\">") && svg.contains("<desc id=\"t-0-desc\">"))
        #expect(rings.rows.count == needs.areas.count && rings.rows.allSatisfy { $0.ratings.count == reviews }, "the table holds every rating")
        #expect(rings.columns.last?.hasSuffix("(latest)") == true)
    }

    @Test func furtherOutIsBetterWhicheverWayTheScaleRuns() throws {
        let chart = RadarChart(title: "t", summary: "s", axes: ["a", "b", "c", "d"], steps: 4, rings: [], id: "r")
        #expect(chart.distance(4) == RadarChart.radius && chart.distance(0) == RadarChart.radius / 5, "the worst point is the inner circle, not the centre")
        let needs = try #require(InstrumentCatalogue.shipped.first)
        let best = try Self.assessment(1, .assessment, "2026-01-10", 1, instrument: needs)
        let rings = try #require(AssessmentRings(needs, completed: [best], chartID: "x"))
        // Rated 1 (a strength) everywhere: every point on the outer circle, the first straight up from the centre.
        #expect(rings.chart.contains("points=\"240,40 "), "\(rings.chart)")
    }
}
