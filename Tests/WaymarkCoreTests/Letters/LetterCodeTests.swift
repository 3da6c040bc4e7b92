import Testing
import WaymarkCore

/// Reading a typed code: forgiving about case, spaces and dashes; plain about anything else.
@Suite struct LetterCodeTests {
    @Test func aCodeIsReadWhateverTheCaseSpacesAndDashes() throws {
        for typed in ["ABCD-EFGH", "abcd-efgh", " abcd efgh ", "ABCDEFGH", "ab-cd-ef-gh", "abcd–efgh"] {
            #expect(try LetterCode(typed: typed).compact == "ABCDEFGH", "\(typed)")
        }
        #expect(try LetterCode(typed: "abcdefgh").grouped == "ABCD-EFGH")
    }

    @Test func mistakesAreNamedWithoutSayingWhetherACodeExists() {
        #expect(throws: LetterCodeProblem.empty) { try LetterCode(typed: " - ") }
        #expect(throws: LetterCodeProblem.wrongLength(7)) { try LetterCode(typed: "ABCD-EFG") }
        #expect(throws: LetterCodeProblem.notInAlphabet("O")) { try LetterCode(typed: "ABCD-EFGO") }
        #expect(throws: LetterCodeProblem.notInAlphabet("1")) { try LetterCode(typed: "1BCD-EFGH") }
        #expect(throws: LetterCodeProblem.notACode) { try LetterCode(typed: String(repeating: "A", count: 41)) }
        #expect(LetterCodeProblem.notInAlphabet("0").message.contains("never use O or 0"))
    }

    @Test func theAlphabetHasNoLookAlikes() {
        #expect(LetterCode.alphabet.count == 31)
        #expect(!LetterCode.alphabet.contains { "0O1IL".contains($0) })
    }

    @Test func randomCodesUseOnlyTheAlphabet() {
        var generator = SystemRandomNumberGenerator()
        let codes = (0..<200).map { _ in LetterCode.random(using: &generator) }
        #expect(codes.allSatisfy { $0.compact.count == 8 && $0.compact.allSatisfy(LetterCode.alphabet.contains) })
        #expect(codes.allSatisfy { (try? LetterCode(typed: $0.grouped.lowercased())) == $0 }, "every code reads back as typed")
        #expect(Set(codes).count == 200)
    }

    @Test func serviceAddressLinesComeFromOneLine() {
        #expect(ServiceContact.addressLines("Careers Team | Civic Centre|\n NM1 1AA ") == ["Careers Team", "Civic Centre", "NM1 1AA"])
    }
}
