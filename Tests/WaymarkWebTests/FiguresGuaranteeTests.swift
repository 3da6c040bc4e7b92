import Foundation
import Testing
import WaymarkCore
@testable import WaymarkWeb

/// The guarantee's progress on /figures: a point a week on each of three
/// lines, months named where they change, the numbers those of the job.
@Suite struct FiguresGuaranteeTests {
    typealias Elements = BarChartTests.Elements

    static func point(_ day: String, year11: GuaranteeCounts, year12: GuaranteeCounts) throws -> GuaranteeProgress.Point {
        GuaranteeProgress.Point(
            date: try CalendarDate(iso: day), figures: GuaranteeFigures(academicYear: AcademicYear(startYear: 2026), byYear: [.year11: year11, .year12: year12]))
    }

    @Test func aPointAWeekOnEachLineWithMonthsNamedWhereTheyChange() throws {
        let progress = GuaranteeProgress(points: [
            try Self.point("2026-09-21", year11: GuaranteeCounts(offerMade: 5, notRecorded: 5), year12: GuaranteeCounts(offerMade: 2, notRecorded: 8)),
            try Self.point("2026-09-28", year11: GuaranteeCounts(offerMade: 8, notRecorded: 2), year12: GuaranteeCounts(offerMade: 4, notRecorded: 6)),
            try Self.point("2026-09-30", year11: GuaranteeCounts(offerMade: 8, notRecorded: 2), year12: GuaranteeCounts(offerMade: 5, noOffer: 1, notRecorded: 4)),
            try Self.point("2026-10-05", year11: GuaranteeCounts(offerMade: 9, noOffer: 1), year12: GuaranteeCounts(offerMade: 9, notRecorded: 1)),
        ])
        let drawn = try #require(FiguresGuarantee(progress))
        let elements = try Elements.parse(drawn.chart)
        #expect(elements.found.first?.attributes["role"] == "img")
        let lines = elements.found.filter { $0.name == "polyline" }
        #expect(lines.count == 3, "both year groups, Year 11, Year 12")
        #expect(lines.allSatisfy { ($0.attributes["points"] ?? "").split(separator: " ").count == 4 }, "a point for each date")
        let axis = elements.found.filter { $0.name == "text" && $0.attributes["text-anchor"] == "middle" && $0.attributes["y"] == "248" }.map(\.text)
        #expect(axis == ["Sep", "", "", "Oct"])
        let key = elements.found.filter { $0.name == "text" && $0.attributes["class"] == "chart-label" }.map(\.text)
        #expect(key == [
            "Both year groups: 90.0% of 20", "Year 11 guarantee (16-year-olds): 90.0% of 10", "Year 12 guarantee (17-year-olds): 90.0% of 10",
        ])
        #expect(drawn.rows.map(\.offers) == ["7 (35.0%)", "12 (60.0%)", "13 (65.0%)", "18 (90.0%)"])
        #expect(drawn.rows.last?.noOffer == "1" && drawn.rows.last?.notRecorded == "1")
        #expect(drawn.summary.hasPrefix("By 5 October 2026, 18 of the 20 young people in the guarantee cohort (90.0%) had an offer recorded"))
        #expect(drawn.summary.hasSuffix("On 21 September 2026 it was 35.0%."))
    }

    @Test func nobodyInTheCohortDrawsNothing() {
        #expect(FiguresGuarantee(GuaranteeProgress(points: [])) == nil)
    }
}
