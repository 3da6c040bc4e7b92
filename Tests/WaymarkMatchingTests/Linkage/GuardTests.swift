import Testing
@testable import WaymarkMatching

/// The guards that keep brothers, sisters and twins apart: each pattern is
/// recognised from the comparison, never merged, and never chained.
@Suite struct GuardTests {
    /// Two valid UPNs of twins allocated together (serials 041 and 042) and a slip of the first.
    static let twinUPNs = ("D935400121041", "T935400121042")
    static let slipOfFirst = "D935400121014"

    static func household(_ id: String, given: String, born: BirthDate, upn: String? = nil) -> LinkageRecord {
        LinkageRecord(
            recordID: id, givenName: given, familyName: "Ashworth", dateOfBirth: born, gender: "F", postcode: "NM1 4AB",
            address: "12 Church Lane, Northmere", phone: "01632 960123", upn: upn, school: "Northmere Academy")
    }

    static func vector(_ a: LinkageRecord, _ b: LinkageRecord) -> ComparisonVector {
        PairComparator(records: PreparedRecords([a, b])).compare(0, 1)
    }

    @Test func upnCheckLettersAreTheDfE() {
        #expect(IdentifierTable.upnChecks(Array(Self.twinUPNs.0.utf8)))
        #expect(IdentifierTable.upnChecks(Array(Self.twinUPNs.1.utf8)))
        #expect(!IdentifierTable.upnChecks(Array(Self.slipOfFirst.utf8)), "a swap of two digits breaks the check letter")
    }

    @Test func twinsAreNotATypo() {
        let born = BirthDate(year: 2010, month: 3, day: 14)
        let vector = Self.vector(Self.household("a", given: "Grace", born: born), Self.household("b", given: "Holly", born: born))
        #expect(PairGuard.check(vector) == .likelyTwin)
        #expect(PairGuard.likelyTwin.reason(vector) == "same address, same date of birth, different given name: likely a twin")
        // A nickname is not a different given name.
        let nickname = Self.vector(Self.household("a", given: "Elizabeth", born: born), Self.household("b", given: "Beth", born: born))
        #expect(PairGuard.check(nickname) == nil)
    }

    @Test func siblingsAreNotOnePerson() {
        let vector = Self.vector(
            Self.household("a", given: "Grace", born: BirthDate(year: 2010, month: 3, day: 14)),
            Self.household("b", given: "Holly", born: BirthDate(year: 2012, month: 7, day: 2)))
        #expect(PairGuard.check(vector) == .likelySibling)
        #expect(PairGuard.likelySibling.reason(vector) == "same address, different given name and date of birth: likely a sibling")
        // A day and month swapped is a slip, not a sibling.
        let swapped = Self.vector(
            Self.household("a", given: "Grace", born: BirthDate(year: 2010, month: 3, day: 4)),
            Self.household("b", given: "Grayce", born: BirthDate(year: 2010, month: 4, day: 3)))
        #expect(PairGuard.check(swapped) == nil)
    }

    @Test func differentIdentifiersConflictUnlessOneIsASlip() {
        let born = BirthDate(year: 2010, month: 3, day: 14)
        let a = Self.household("a", given: "Grace", born: born, upn: Self.twinUPNs.0)
        let conflicting = Self.vector(a, Self.household("b", given: "Grace", born: born, upn: Self.twinUPNs.1))
        #expect(conflicting.level(.upn) == IdentifierLevel.different.rawValue, "two valid UPNs one digit apart are two children")
        #expect(PairGuard.check(conflicting) == .conflictingIdentifiers)
        let slip = Self.vector(a, Self.household("b", given: "Grace", born: born, upn: Self.slipOfFirst))
        #expect(slip.level(.upn) == IdentifierLevel.oneSlip.rawValue)
        #expect(PairGuard.check(slip) == nil)
    }

    @Test func nearOnEveryFieldGoesToAPersonButDoesNotSplit() {
        let philip = LinkageRecord(recordID: "a", givenName: "Philip", familyName: "Nowack", dateOfBirth: BirthDate(year: 2009, month: 5, day: 2))
        let filip = LinkageRecord(recordID: "b", givenName: "Filip", familyName: "Nowak", dateOfBirth: BirthDate(year: 2009, month: 2, day: 5))
        let guarded = PairGuard.check(Self.vector(philip, filip))
        #expect(guarded == .allApproximate)
        #expect(guarded?.provesDifferent == false, "perhaps one person: a reason to look, not to keep apart")
        var same = filip
        same.familyName = "Nowack"
        #expect(PairGuard.check(Self.vector(philip, same)) == nil, "one exact field is enough to let the score decide")
    }

    @Test func aNamesakeElsewhereGoesToAPerson() {
        let born = BirthDate(year: 2010, month: 3, day: 14)
        let here = Self.household("a", given: "Olivia", born: born)
        let there = LinkageRecord(recordID: "b", givenName: "Olivia", familyName: "Turner", dateOfBirth: born, gender: "F", postcode: "NM7 2XY")
        #expect(PairGuard.check(Self.vector(here, there)) == .possibleNamesake)
        var moved = there
        moved.postcode = "NM1 4AB"
        #expect(PairGuard.check(Self.vector(here, moved)) == nil, "another surname at the same address is a changed name for the score to weigh")
    }

    @Test func guardedPairsAreNeverMatchedNorClustered() {
        var (records, _) = LinkageFixtures.population()
        let born = BirthDate(year: 2010, month: 3, day: 14)
        // Twins, a sibling, and the same girl twice with two valid UPNs.
        records += [
            Self.household("T1", given: "Grace", born: born), Self.household("T2", given: "Holly", born: born),
            Self.household("T3", given: "Ruby", born: BirthDate(year: 2012, month: 7, day: 2)),
            Self.household("U1", given: "Maisie", born: BirthDate(year: 2009, month: 1, day: 9), upn: Self.twinUPNs.0),
            Self.household("U2", given: "Maisie", born: BirthDate(year: 2009, month: 1, day: 9), upn: Self.twinUPNs.1),
        ]
        let result = LinkageEngine.dedupe(records, configuration: LinkageConfiguration(randomPairs: 200_000))
        let index = Dictionary(uniqueKeysWithValues: result.records.recordIDs.enumerated().map { ($1, $0) })
        let clusters = result.clusters!.clusterIDs
        for (x, y) in [("T1", "T2"), ("T1", "T3"), ("T2", "T3"), ("U1", "U2")] {
            #expect(clusters[index[x]!] != clusters[index[y]!], "\(x) and \(y) are two people")
        }
        for pair in result.pairs where ["T", "U"].contains(result.records.recordIDs[pair.left].prefix(1)) {
            #expect(result.outcome(pair) != .match)
        }
        let twins = result.explanation(left: index["T1"]!, right: index["T2"]!)
        #expect(twins.outcome != .match)
        #expect(twins.reason?.hasSuffix("likely a twin") == true)
    }

    @Test func clustersDoNotChainThroughAThirdRecord() {
        let born = BirthDate(year: 2009, month: 1, day: 9)
        // B has no UPN and matches both; A and C have two valid UPNs: two people.
        let records = [
            Self.household("A", given: "Maisie", born: born, upn: Self.twinUPNs.0), Self.household("B", given: "Maisie", born: born),
            Self.household("C", given: "Maisie", born: born, upn: Self.twinUPNs.1),
        ]
        let prepared = PreparedRecords(records)
        let comparator = PairComparator(records: prepared)
        func pair(_ i: Int, _ j: Int, _ weight: Double) -> ScoredPair {
            ScoredPair(left: i, right: j, weight: weight, probability: 0.999, vector: comparator.compare(i, j), guardReason: nil)
        }
        let clusters = Clusters(records: prepared, pairs: [pair(0, 1, 12), pair(1, 2, 11)], threshold: 0.95)
        #expect(clusters.clusterIDs == ["A", "A", "C"], "B joins the stronger link, and C stays apart from A")
        let unguarded = Clusters(recordIDs: prepared.recordIDs, linkedPairs: [(0, 1), (1, 2)])
        #expect(Set(unguarded.clusterIDs).count == 1, "plain connected components would have chained them")

        // A sibling through a record with no date of birth.
        let family = [
            Self.household("S1", given: "Grace", born: BirthDate(year: 2010, month: 3, day: 14)),
            LinkageRecord(recordID: "S2", givenName: "Grace", familyName: "Ashworth", postcode: "NM1 4AB"),
            Self.household("S3", given: "Holly", born: BirthDate(year: 2012, month: 7, day: 2)),
        ]
        let siblings = PreparedRecords(family)
        let compare = PairComparator(records: siblings)
        let chained = Clusters(
            records: siblings,
            pairs: [
                ScoredPair(left: 0, right: 1, weight: 9, probability: 0.99, vector: compare.compare(0, 1), guardReason: nil),
                ScoredPair(left: 1, right: 2, weight: 8, probability: 0.99, vector: compare.compare(1, 2), guardReason: nil),
            ], threshold: 0.95)
        #expect(chained.clusterIDs[0] == chained.clusterIDs[1])
        #expect(chained.clusterIDs[2] == "S3")
    }

    /// Found on a held-out generator: names that share a sound code without
    /// sounding alike, a birthday some years apart, and records with too
    /// little to tell twins apart.
    @Test func twinsWithShortNamesOfOneSoundCodeAreTwins() {
        let born = BirthDate(year: 2009, month: 4, day: 8)
        let vector = Self.vector(Self.household("a", given: "Kayode", born: born), Self.household("b", given: "Chidi", born: born))
        #expect(vector.level(.givenName) == NameLevel.different.rawValue, "K300 both, but nothing alike")
        #expect(PairGuard.check(vector) == .likelyTwin)
    }

    @Test func aBirthdaySomeYearsApartIsASibling() {
        let vector = Self.vector(
            Self.household("a", given: "Lucy", born: BirthDate(year: 2004, month: 10, day: 2)),
            Self.household("b", given: "Olivia", born: BirthDate(year: 2000, month: 10, day: 2)))
        #expect(vector.level(.dateOfBirth) == DateLevel.oneDigit.rawValue)
        #expect(PairGuard.check(vector) == .likelySibling)
    }

    @Test func noGivenNameIsTooLittleToTellATwin() {
        let born = BirthDate(year: 2003, month: 2, day: 18)
        var nameless = Self.household("b", given: "", born: born)
        nameless.givenName = nil
        let vector = Self.vector(Self.household("a", given: "Amandeep", born: born), nameless)
        #expect(PairGuard.check(vector) == .tooLittle)
        #expect(PairGuard.tooLittle.reason(vector) == "same address, no given name to tell apart from a brother, sister or twin")
        #expect(PairGuard.tooLittle.provesDifferent == false, "perhaps the same person: it must not keep a cluster apart")
        // With the same UPN there is enough.
        let identified = Self.vector(
            Self.household("a", given: "Amandeep", born: born, upn: Self.twinUPNs.0),
            { var r = nameless; r.upn = Self.twinUPNs.0; return r }())
        #expect(PairGuard.check(identified) == nil)
    }

    @Test func goingByAMiddleNameIsLikeANickname() {
        let born = BirthDate(year: 2009, month: 4, day: 8)
        var full = Self.household("a", given: "Kayode", born: born)
        full.middleNames = "Abdullahi"
        let vector = Self.vector(full, Self.household("b", given: "Abdullahi", born: born))
        #expect(vector.level(.givenName) == NameLevel.nickname.rawValue)
        #expect(PairGuard.check(vector) == nil)
    }
}
