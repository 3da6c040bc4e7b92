import Foundation
import Testing
import WaymarkCore
import WaymarkFormats

/// An instrument's JSON is read, or refused with the field and the rule.
@Suite struct InstrumentReaderTests {
    static let valid = """
        {"key": "wellbeing", "version": 2, "title": "Wellbeing", "description": "", "reviewIntervalWeeks": 6, "higherIsBetter": true, "needPoints": [1],
         "scale": [{"value": 1, "label": "Low", "descriptor": "Struggling"}, {"value": 2, "label": "Middle", "descriptor": "Getting by"},
                   {"value": 3, "label": "High", "descriptor": "Doing well"}],
         "groups": [{"key": "self", "title": "Self", "areas": [
            {"key": "sleep", "title": "Sleep", "question": "How do you sleep?"},
            {"key": "mood", "title": "Mood", "question": "How do you feel?"},
            {"key": "friends", "title": "Friends", "question": "Who do you see?"}]}]}
        """

    @Test func aValidDefinitionIsRead() throws {
        let instrument = try InstrumentReader.read(Data(Self.valid.utf8)).get()
        #expect(instrument.reference == InstrumentReference(key: "wellbeing", version: 2))
        #expect(instrument.areas.map(\.key) == ["sleep", "mood", "friends"] && instrument.scale.count == 3)
    }

    @Test(arguments: [
        (#""scale": ["#, #""scales": ["#, "scale", "is missing"),
        (#""version": 2"#, #""version": "two""#, "version", "must be a whole number"),
        (#"{"key": "mood""#, #"{"key": 5"#, "groups[0].areas[1].key", "must be text"),
        (#""descriptor": "Getting by""#, #""descriptor": """#, "scale[1].descriptor", "must be given, at most 400 characters: every point needs a descriptor"),
    ])
    func aMalformedDefinitionIsRefusedNamingTheFieldAndRule(find: String, replace: String, field: String, rule: String) {
        let text = Self.valid.replacingOccurrences(of: find, with: replace)
        guard case .failure(let error) = InstrumentReader.read(Data(text.utf8)) else {
            Issue.record("read a broken definition")
            return
        }
        #expect(error.problems.first == InstrumentProblem(field: field, rule: rule), "\(error)")
        #expect(error.description.contains("\(field): \(rule)"))
    }

    @Test func somethingThatIsNotJSONIsRefused() {
        guard case .failure(let error) = InstrumentReader.read(Data("areas: 3".utf8)) else {
            Issue.record("read a broken definition")
            return
        }
        #expect(error.problems.map(\.field) == ["file"])
    }
}
