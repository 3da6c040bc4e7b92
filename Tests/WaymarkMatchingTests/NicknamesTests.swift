import Testing
import WaymarkMatching

/// Diminutives and spellings lead to every full name they may stand for.
@Suite struct NicknamesTests {
    @Test func diminutivesLeadToTheirFullNames() {
        #expect(Nicknames.forms(of: "bill") == ["bill", "william"])
        #expect(Set(Nicknames.forms(of: "sasha")) == ["sasha", "alexandra", "alexander"])
        #expect(Nicknames.forms(of: "liz").contains("elizabeth"))
        #expect(Nicknames.forms(of: "beth").contains("elizabeth"))
        #expect(Nicknames.forms(of: "katie").contains("katherine"))
        #expect(Nicknames.forms(of: "muhammad").contains("mohammed"))
        #expect(Set(Nicknames.forms(of: "jon")).isSuperset(of: ["john", "jonathan"]))
    }

    @Test func fullAndUnknownNamesStandForThemselves() {
        #expect(Nicknames.forms(of: "william") == ["william"])
        #expect(Nicknames.forms(of: "zebedee") == ["zebedee"])
        #expect(Nicknames.forms(of: "") == [""])
    }

    @Test func relatedNamesShareAFullForm() {
        #expect(Nicknames.related("bill", "william"))
        #expect(Nicknames.related("bill", "liam"), "both short for William")
        #expect(Nicknames.related("mo", "muhammad"))
        #expect(!Nicknames.related("bill", "robert"))
        #expect(!Nicknames.related("zebedee", "william"))
    }
}
