import Foundation
import Testing
import WaymarkCore
@testable import WaymarkFormats

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small fixed cohort, written and compared byte for byte with a file that
/// was checked by hand against the reference's record structure (§1.4).
struct NCCISXMLTests {
    static let periodEnd = d("2026-10-31")

    static let header = ReturnHeader(
        databaseIDs: ["990"], sourceLAs: ["990"], dateOfSend: d("2026-11-03"), periodEnd: periodEnd,
        supplierName: "Waymark", supplierXMLVersion: "1.0", xmlSchemaVersion: "2019-20")

    /// Every field filled: a 17-year-old in full-time education at a sixth form, with a guarantee record.
    static let student = ReturnRecord(
        personID: 123_456, youngPersonsID: "9900000123456", cohortStatus: "G", givenName: "Amara", middleName: "Grace",
        familyName: "O'Neill-Okafor", addressLines: ["Flat 2", "14 Mill Lane"], town: "Northmere", county: "Northshire",
        postcode: "NM3 4QT", gender: "F", dateOfBirth: d("2009-03-14"), ethnicity: "WBRI", leadLA: "990",
        educatedLA: "990", laCodeAtYear11: "990", uln: "1234567890", upn: "H990250000123", guaranteeStatusIndicator: "Y",
        guarantees: [
            ReturnGuarantee(year: .year11, status: "110", laCode: "990"),
            ReturnGuarantee(year: .year12, status: "114", laCode: "990"),
        ],
        levelOfNeed: "3", sendFlag: "N", senSupportFlag: "N", characteristics: ["110", "210"],
        activity: ReturnActivity(
            code: "210", startDate: d("2025-09-03"), dateAscertained: d("2025-09-20"),
            dateVerified: d("2026-09-15"), dueToLapseDate: d("2027-07-16"), currencyLapsed: "N",
            establishmentNumber: "9904001", establishmentName: "Northmere Sixth Form & Arts College",
            predictedEndDate: d("2027-07-16")),
        intendedDestination: "1")

    /// A NEET 18-year-old: NEET start date, no guarantee, no characteristics; a name with a character to escape.
    static let neet = ReturnRecord(
        personID: 77, youngPersonsID: "9900000000077", cohortStatus: "P", givenName: "Zoë", familyName: "D'Souza <Test>",
        addressLines: ["3 Quay Street"], town: "Northmere", postcode: "NM1 1AA", gender: "M", dateOfBirth: d("2008-01-02"),
        ethnicity: "AIND", leadLA: "990", educatedLA: "991", levelOfNeed: "1", sendFlag: "N", senSupportFlag: "Y",
        activity: ReturnActivity(
            code: "540", startDate: d("2026-08-01"), dateAscertained: d("2026-08-04"),
            reviewDate: nil, dueToLapseDate: d("2026-11-04"), currencyLapsed: "N",
            neetStartDate: d("2026-07-01")))

    /// A leaver reported in the month they moved away, with the fewest fields the record allows.
    static let mover = ReturnRecord(
        personID: 5, youngPersonsID: "9900000000005", cohortStatus: "T", givenName: "Kai", familyName: "Wong",
        postcode: "NM2 7XY", gender: "U", dateOfBirth: d("2009-08-31"), ethnicity: "CHNE", leadLA: "990",
        educatedLA: "990", transferredToLA: "886", levelOfNeed: "3", sendFlag: "N", senSupportFlag: "N",
        activity: ReturnActivity(
            code: "810", startDate: d("2026-10-01"), dateAscertained: d("2026-10-01"),
            dueToLapseDate: d("2026-10-01"), currencyLapsed: "Y"))

    static func document(_ records: [ReturnRecord]) -> String {
        NCCISXML.start(header) + records.map(NCCISXML.record).joined() + NCCISXML.end
    }

    @Test func aSmallCohortMatchesTheHandCheckedFileByteForByte() throws {
        // WAYMARK_RECORD_GOLDEN=1 rewrites the file after a deliberate format change; review the diff by hand.
        if ProcessInfo.processInfo.environment["WAYMARK_RECORD_GOLDEN"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/small-cohort.xml")
            try Data(Self.document([Self.student, Self.neet, Self.mover]).utf8).write(to: source)
        }
        let url = try #require(Bundle.module.url(forResource: "small-cohort", withExtension: "xml", subdirectory: "Golden"))
        let golden = try Data(contentsOf: url)
        let written = Data(Self.document([Self.student, Self.neet, Self.mover]).utf8)
        #expect(written == golden, "the XML no longer matches Golden/small-cohort.xml")
    }

    @Test func theFileIsWellFormedAndEscapedValuesReadBackUnchanged() throws {
        let parser = XMLParser(data: Data(Self.document([Self.student, Self.neet]).utf8))
        let collector = TextCollector()
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.values["FamilyName"] == ["O'Neill-Okafor", "D'Souza <Test>"])
        #expect(collector.values["EstablishmentName"] == ["Northmere Sixth Form & Arts College"])
        #expect(collector.values["GivenName"] == ["Amara", "Zoë"])
    }

    @Test func absentOptionalValuesAreLeftOutNotWrittenEmpty() {
        let xml = NCCISXML.record(Self.mover)
        #expect(!xml.contains("<ReviewDate>"))
        #expect(!xml.contains("<SeptemberGuarantee>"))
        #expect(!xml.contains("<Characteristics>"))
        #expect(!xml.contains("></"))
    }

    @Test func charactersXMLCannotCarryAreDroppedAndMarkupIsEscaped() {
        #expect(XMLText.escaped("Tom & \"Jerry\" <b>\u{0007}") == "Tom &amp; &quot;Jerry&quot; &lt;b&gt;")
        #expect(XMLText.escaped("Siân Ó Briain") == "Siân Ó Briain")
    }

    @Test func elementsFollowTheSchemaOrder() {
        let xml = NCCISXML.record(Self.student)
        let order = ["<PersonalDetails>", "<SeptemberGuarantee>", "<LevelOfNeed>", "<Activities>", "<IntendedDestination>"]
        let positions = order.compactMap { xml.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted())
        let activityOrder = ["<ActivityCode>", "<StartDate>", "<DateAscertained>", "<DateVerified>", "<DueToLapseDate>",
            "<CurrencyLapsed>", "<EstablishmentNumber>", "<EstablishmentName>", "<PredictedEndDate>"]
        let activityPositions = activityOrder.compactMap { xml.range(of: $0)?.lowerBound }
        #expect(activityPositions == activityPositions.sorted() && activityPositions.count == activityOrder.count)
    }
}

/// Collects the text of each element by name.
private final class TextCollector: NSObject, XMLParserDelegate {
    var values: [String: [String]] = [:]
    private var current = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]) {
        current = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let text = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { values[name, default: []].append(text) }
        current = ""
    }
}

func d(_ text: String) -> CalendarDate {
    // Fixtures are literals; a typo here should stop the test run at once.
    try! CalendarDate(iso: text)
}
