import Testing
import WaymarkCore

/// Pages of a long list, and which page numbers GOV.UK-style pagination links.
@Suite struct PagingTests {
    @Test func pagesHoldTheirShareAndTheLastHoldsTheRest() {
        let paging = Paging(total: 523, size: 100)
        #expect(paging.pageCount == 6)
        #expect(paging.positions(on: 2) == 101...200)
        #expect(paging.positions(on: 6) == 501...523)
        #expect(paging.clamped(9) == 6 && paging.clamped(0) == 1, "a page past the end is the last page")
        #expect(Paging(total: 0, size: 100).pageCount == 1 && Paging(total: 0, size: 100).positions(on: 1) == nil)
        #expect(Paging(total: 200, size: 100).pageCount == 2, "an exact multiple has no empty last page")
    }

    @Test func numbersAreTheFirstTheLastAndEitherSideOfTheCurrentWithGaps() {
        let paging = Paging(total: 1_000, size: 100)
        #expect(paging.numbers(around: 1) == [1, 2, nil, 10])
        #expect(paging.numbers(around: 5) == [1, nil, 4, 5, 6, nil, 10])
        #expect(paging.numbers(around: 10) == [1, nil, 9, 10])
        // A gap of a single page shows that page rather than "…".
        #expect(paging.numbers(around: 4) == [1, 2, 3, 4, 5, nil, 10])
        #expect(Paging(total: 523, size: 100).numbers(around: 6) == [1, nil, 5, 6])
        #expect(Paging(total: 50, size: 100).numbers(around: 1) == [1])
    }

    @Test func csvFieldsAreQuotedAndSpreadsheetFormulasDefused() {
        #expect(CSVText.line(["Okafor, Amara", "said \"hi\"", "plain"]) == "\"Okafor, Amara\",\"said \"\"hi\"\"\",plain")
        #expect(CSVText.spreadsheetText("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")")
        #expect(CSVText.spreadsheetText("-2+3") == "'-2+3" && CSVText.spreadsheetText("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVText.spreadsheetText("Riverside") == "Riverside" && CSVText.spreadsheetText("") == "")
    }
}
