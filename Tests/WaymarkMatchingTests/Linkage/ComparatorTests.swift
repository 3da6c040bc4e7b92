import Testing
@testable import WaymarkMatching

/// Every comparator level, and the normalising edges that decide them.
@Suite struct ComparatorTests {
    func compare(_ a: LinkageRecord, _ b: LinkageRecord) -> ComparisonVector {
        PairComparator(records: PreparedRecords([a, b])).compare(0, 1)
    }

    func given(_ a: String?, _ b: String?) -> NameLevel {
        NameLevel(rawValue: compare(LinkageRecord(recordID: "a", givenName: a), LinkageRecord(recordID: "b", givenName: b)).level(.givenName))!
    }

    func family(_ a: String?, _ b: String?) -> NameLevel {
        NameLevel(rawValue: compare(LinkageRecord(recordID: "a", familyName: a), LinkageRecord(recordID: "b", familyName: b)).level(.familyName))!
    }

    func dob(_ a: String, _ b: String) -> DateLevel {
        DateLevel(rawValue: compare(LinkageRecord(recordID: "a", dateOfBirth: BirthDate(iso: a)), LinkageRecord(recordID: "b", dateOfBirth: BirthDate(iso: b))).level(.dateOfBirth))!
    }

    func postcode(_ a: String?, _ b: String?) -> PostcodeLevel {
        PostcodeLevel(rawValue: compare(LinkageRecord(recordID: "a", postcode: a), LinkageRecord(recordID: "b", postcode: b)).level(.postcode))!
    }

    @Test func namesExactAfterNormalising() {
        #expect(given("Zoë", "ZOE") == .exact)
        #expect(given("José", "jose") == .exact)
        #expect(family("Smith-Jones", "Smith Jones") == .exact)
        #expect(family("O'Brien", "OBrien") == .exact)
    }

    @Test func nameLevelsFromCloseToDifferent() {
        #expect(given("Jackson", "Jakcson") == .close)
        #expect(given("Bill", "William") == .nickname)
        #expect(given("Sasha", "Alexandra") == .nickname)
        #expect(family("Smith", "Smyth") == .phonetic)
        #expect(given("Ali", "Eli") == .oneEdit)
        #expect(family("Smith", "Taylor") == .different)
        #expect(given("Bill", "Robert") == .different, "nicknames of different names are not related")
    }

    @Test func doubleBarrelledFamilyNamesMatchInPart() {
        #expect(family("Smith-Jones", "Jones") == .partial)
        #expect(family("Bennett Clarke", "Bennett") == .partial)
        #expect(family("Jones", "Evans") == .different)
        #expect(given("Mary-Jane", "Jane") != .partial, "only family and middle names match in part")
    }

    @Test func emptyNamesAreMissingNotDifferent() {
        #expect(given(nil, "Sam") == .missing)
        #expect(given("", "Sam") == .missing)
        #expect(given("---", "Sam") == .missing, "a name with no letters is no name")
        #expect(given(nil, nil) == .missing)
    }

    @Test func dateLevels() {
        #expect(dob("2009-03-07", "2009-03-07") == .exact)
        #expect(dob("2009-03-07", "2009-07-03") == .swappedDayMonth)
        #expect(dob("2009-03-17", "2009-03-27") == .oneDigit)
        #expect(dob("2009-03-12", "2009-03-21") == .oneDigit, "neighbouring digits swapped")
        #expect(dob("2009-03-07", "2008-03-07") == .oneDigit)
        #expect(dob("2009-03-07", "2009-11-20") == .withinYear)
        #expect(dob("2009-03-07", "2011-03-08") == .different)
        #expect(dob("2009-03-07", "not a date") == .missing)
    }

    @Test func onlyRealDatesParse() {
        #expect(BirthDate(iso: "2009-02-29") == nil)
        #expect(BirthDate(iso: "2008-02-29") == BirthDate(year: 2008, month: 2, day: 29))
        #expect(BirthDate(iso: "2009-13-01") == nil)
        #expect(BirthDate(iso: "2009-1-01") == nil)
        #expect(BirthDate(iso: "09-01-2009") == nil)
    }

    @Test func postcodeLevels() {
        #expect(postcode("NM1 4AB", "nm14ab") == .full)
        #expect(postcode("NM1 4AB", "NM1 4XY") == .sector)
        #expect(postcode("NM1 4AB", "NM1 7AB") == .district)
        #expect(postcode("NM1 4AB", "NM2 4AB") == .different)
        #expect(postcode("NM10 4AB", "NM1 4AB") == .different, "NM10 is not NM1")
        #expect(postcode("NM1", "NM1 4AB") == .missing)
        #expect(postcode(nil, "NM1 4AB") == .missing)
    }

    @Test func identifiersAndCategories() {
        let a = LinkageRecord(recordID: "a", gender: "Female", address: "12 High St.", upn: "h990 2300 0001", uln: "4000000001", school: "Kelstow Academy")
        let b = LinkageRecord(recordID: "b", gender: "F", address: "12 high st", upn: "H99023000001", uln: "4000000002", school: "Saltcote School")
        let vector = compare(a, b)
        #expect(vector.level(.gender) == AgreementLevel.equal.rawValue)
        #expect(vector.level(.address) == AgreementLevel.equal.rawValue)
        #expect(vector.level(.upn) == AgreementLevel.equal.rawValue)
        #expect(vector.level(.uln) == AgreementLevel.different.rawValue)
        #expect(vector.level(.school) == AgreementLevel.different.rawValue)
        let otherHouse = compare(a, LinkageRecord(recordID: "c", gender: "unknown", address: "14 High St"))
        #expect(otherHouse.level(.address) == AgreementLevel.different.rawValue, "house numbers count in addresses")
        #expect(otherHouse.level(.gender) == AgreementLevel.missing.rawValue, "unknown gender is no evidence")
    }

    @Test func oneEditAllowsASwapButNotTwoEdits() {
        #expect(DamerauLevenshtein.isWithinOneEdit("jackson", "jakcson"))
        #expect(DamerauLevenshtein.isWithinOneEdit("jackson", "jakson"))
        #expect(DamerauLevenshtein.isWithinOneEdit("smith", "smyth"))
        #expect(DamerauLevenshtein.isWithinOneEdit("", "a"))
        #expect(!DamerauLevenshtein.isWithinOneEdit("smith", "smythe"))
        #expect(!DamerauLevenshtein.isWithinOneEdit("abcd", "badc"))
        for (a, b) in [("kitten", "sitten"), ("ab", "ba"), ("abc", "abcd"), ("x", "")] {
            #expect(DamerauLevenshtein.isWithinOneEdit(a, b) == (DamerauLevenshtein.distance(a, b) <= 1), "\(a) / \(b)")
        }
    }

    @Test func anAddressIsItsFirstLineWithStreetTypesSpeltOut() {
        let first = CodeTable.normalise("2 Commercial Ave", kind: .address)
        #expect(first == "2 commercial avenue")
        #expect(CodeTable.normalise("2 Commercial Avenue, Bramley Marsh", kind: .address) == first)
        #expect(CodeTable.normalise("12 St. John's Rd, Kirkmoor", kind: .address) == "12 st johns road", "St after the number is a name")
        #expect(CodeTable.normalise("5 Park Lane", kind: .address) == "5 park lane")
        #expect(CodeTable.normalise("Flat 2, 1 Heights Rise", kind: .address) == "flat 2 1 heights rise")
        #expect(CodeTable.normalise("Rose Cottage", kind: .address) == "rose cottage", "no street type: all of it")
    }
}
