import Testing
import WaymarkMatching

/// The blocking keys find people by nickname, by one part of a hyphenated name, by a former name, and through a typo.
@Suite struct NameKeysTests {
    func finds(_ stored: [NameKey], given: String, family: String) -> Bool {
        let g = NameKeys.givenCodes(given, tolerant: true), f = NameKeys.familyCodes(family, tolerant: true)
        return stored.contains { g.contains($0.given) && f.contains($0.family) }
    }

    @Test func aNicknameFindsTheFullName() {
        let william = NameKeys.keys(givenNames: ["William"], familyNames: ["Jackson"])
        #expect(finds(william, given: "bill", family: "jackson"))
        let sasha = NameKeys.keys(givenNames: ["Alexandra"], familyNames: ["Nowak"])
        #expect(finds(sasha, given: "sasha", family: "nowak"))
    }

    @Test func eachPartOfAHyphenatedNameAndAFormerNameFinds() {
        let keys = NameKeys.keys(givenNames: ["Mary-Jane", nil, "Maisie"], familyNames: ["Bennett-Clarke", "Okafor"])
        #expect(finds(keys, given: "mary", family: "clarke"))
        #expect(finds(keys, given: "jane", family: "bennett"))
        #expect(finds(keys, given: "maisie", family: "okafor"))
        #expect(!finds(keys, given: "mary", family: "jones"))
    }

    @Test func typosThatChangeTheSoundCodeStillFind() {
        let keys = NameKeys.keys(givenNames: ["Oliver"], familyNames: ["Jackson"])
        for (given, family) in [("oliver", "jackdon"), ("olivr", "jakson"), ("oilver", "jackson"), ("oliver", "ajckson")] {
            #expect(finds(keys, given: given, family: family), "\(given) \(family)")
        }
    }

    @Test func particlesAndEmptyNames() {
        #expect(NameKeys.parts("Al-Hassan") == ["hassan"])
        #expect(NameKeys.parts("De La") == ["de", "la"], "a name made only of particles keeps them")
        #expect(NameKeys.keys(givenNames: [nil], familyNames: ["Smith"]) == [NameKey(family: "S530", given: "")])
        #expect(NameKeys.keys(givenNames: ["---"], familyNames: [""]) == [NameKey(family: "", given: "")])
        #expect(NameKeys.givenCodes("", tolerant: true).isEmpty)
    }
}
