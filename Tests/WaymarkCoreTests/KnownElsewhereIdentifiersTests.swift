import Testing
import WaymarkCore

@Suite struct KnownElsewhereIdentifiersTests {
    let born = try! CalendarDate(iso: "2009-02-03")

    @Test func caseAccentsSpacingAndPunctuationDoNotCount() {
        let spellings = [("Anne-Marie", "O'Neil"), ("anne-marie", "oneil"), ("ANNE-MARIE", "O’NEIL"), (" Anne-Marie", "O. Neil"), ("Anne-Marie Jo", "o-neil")]
        let keys = Set(spellings.map { KnownElsewhereIdentifiers.nameAndBirth(given: $0.0, family: $0.1, born: born) })
        #expect(keys == ["annemarie|oneil|2009-02-03"])
        #expect(KnownElsewhereIdentifiers.name("Zoë Ångström-Łukasz") == "zoeangstromlukasz")
        #expect(KnownElsewhereIdentifiers.name("Straße") == "strasse")
        #expect(KnownElsewhereIdentifiers.name("Zoe\u{0308}") == "zoe", "a combining mark is dropped too")
    }

    @Test func onlyTheFirstGivenNameCounts() {
        #expect(KnownElsewhereIdentifiers.nameAndBirth(given: "Amara Grace", family: "Okafor", born: born)
            == KnownElsewhereIdentifiers.nameAndBirth(given: "amara", family: "OKAFOR", born: born))
        #expect(KnownElsewhereIdentifiers.nameAndBirth(given: "123", family: "Okafor", born: born) == nil)
    }

    @Test func numbersAreShapedAndEachMessageNamesItsKind() {
        #expect(KnownElsewhereIdentifiers.upn("a123 456 789 012") == "A123456789012")
        #expect(KnownElsewhereIdentifiers.upn("A12345") == nil)
        #expect(KnownElsewhereIdentifiers.uln(" 1234567897 ") == "1234567897")
        #expect(KnownElsewhereIdentifiers.uln("12345678X7") == nil)
        let identity = YoungPersonIdentity(
            givenName: "Amara", familyName: "Okafor", dateOfBirth: born, gender: .female, ethnicity: .blackAfrican, upn: "A123456789012", uln: "1234567897")
        #expect(KnownElsewhereIdentifiers.messages(for: identity) == ["upn:A123456789012", "uln:1234567897", "name-dob:amara|okafor|2009-02-03"])
    }
}
