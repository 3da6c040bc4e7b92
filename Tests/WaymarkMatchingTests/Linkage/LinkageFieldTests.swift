import Testing
import WaymarkMatching

/// Level counts are counted from the cases; they must agree with the names
/// the model's reports print.
@Suite struct LinkageFieldTests {
    @Test(arguments: LinkageField.allCases)
    func theLevelCountMatchesTheLevelNames(_ field: LinkageField) {
        #expect(field.levelCount == field.levelNames.count)
        #expect(field.levelCount >= 2)
    }
}
