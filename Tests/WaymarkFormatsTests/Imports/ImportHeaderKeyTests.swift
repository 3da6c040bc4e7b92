import Testing
@testable import WaymarkFormats

/// Header keys: the ASCII shortcut gives the same key the Unicode rules
/// give, and the alias table maps a header to the columns it names.
@Suite struct ImportHeaderKeyTests {
    @Test func everyASCIICharacterKeysAsTheUnicodeRulesDo() {
        // A leading "É" sends the text down the Unicode path; the ASCII
        // character after it must come out as it does on its own.
        for byte in UInt8(0)...UInt8(127) {
            let ascii = String(UnicodeScalar(byte))
            #expect(ImportField.headerKey("É" + ascii) == "é" + ImportField.headerKey(ascii), "byte \(byte)")
        }
    }

    @Test func headersAreComparedWithoutCaseSpacesOrPunctuation() {
        #expect(ImportField.headerKey("Date of birth") == "dateofbirth")
        #expect(ImportField.headerKey("DATE_OF_BIRTH") == "dateofbirth")
        #expect(ImportField.headerKey(" date-of-birth (DD/MM/YYYY) ") == "dateofbirthddmmyyyy")
        #expect(ImportField.headerKey("Prénom 2") == "prénom2")
        #expect(ImportField.headerKey("--") == "")
    }

    @Test func everyAliasNamesItsField() {
        for field in ImportField.allCases {
            for alias in [field.name] + field.aliases {
                #expect(ImportColumn(field).matches(header: alias.uppercased()), "\(field): \(alias)")
            }
        }
        #expect(!ImportColumn(.givenName).matches(header: "Surname"))
        #expect(!ImportColumn(.givenName).matches(header: ""))
    }

    @Test func aHeaderRowMapsEachColumnOnceAndRefusesTwoForOneField() throws {
        let mapping = try TemplateReader.mapHeader(["FORENAME", "Surname", "d.o.b", "Intended destination", "Notes"], kind: .year11List)
        #expect(mapping == [.givenName: 0, .familyName: 1, .dateOfBirth: 2, .intendedDestination: 3])
        #expect(throws: ImportFileError.self) {
            try TemplateReader.mapHeader(["Forename", "Given name", "Surname", "DOB", "Intended destination"], kind: .year11List)
        }
    }
}
