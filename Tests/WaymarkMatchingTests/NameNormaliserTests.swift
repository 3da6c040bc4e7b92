import Testing
import WaymarkMatching

/// Names as typed become lower-case ASCII parts, whatever the accents, punctuation and hyphens.
@Suite struct NameNormaliserTests {
    @Test func accentsAndPunctuationGoAndHyphenatedNamesSplit() {
        #expect(NameNormaliser.tokens("Zoë O'Brien-Smith") == ["zoe", "obrien", "smith"])
        #expect(NameNormaliser.tokens("  JOSÉ   Núñez ") == ["jose", "nunez"])
        #expect(NameNormaliser.tokens("Łukasz Wąsowski") == ["lukasz", "wasowski"])
        #expect(NameNormaliser.tokens("Strauß") == ["strauss"])
        #expect(NameNormaliser.tokens("Róisín Ní Dhomhnaill") == ["roisin", "ni", "dhomhnaill"])
        #expect(NameNormaliser.tokens("St.John-Smythe") == ["stjohn", "smythe"], "a full stop inside a name joins")
        #expect(NameNormaliser.tokens("Bennett–Clarke") == ["bennett", "clarke"], "an en dash separates like a hyphen")
        #expect(NameNormaliser.tokens("Ze\u{301}ynep") == ["zeynep"], "a combining accent typed separately is dropped")
    }

    @Test func emptyAndPunctuationOnlyNamesHaveNoTokens() {
        #expect(NameNormaliser.tokens("") == [])
        #expect(NameNormaliser.tokens("--- ,,, ") == [])
        #expect(NameNormaliser.tokens("1234") == [], "digits are not part of a name")
    }

    @Test func theASCIIAndUnicodePathsAgree() {
        #expect(NameNormaliser.tokens("Mary-Jane SMITH") == NameNormaliser.tokens("Mary-Jane SMITH\u{A0}"))
        #expect(NameNormaliser.joined("Smith-Jones") == "smithjones")
    }

    @Test func otherScriptsAreKeptSoTheyStillMatchThemselves() {
        #expect(NameNormaliser.tokens("Александр") == NameNormaliser.tokens("АЛЕКСАНДР"))
        #expect(!NameNormaliser.tokens("李").isEmpty)
    }
}
