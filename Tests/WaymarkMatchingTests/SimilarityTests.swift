import Testing
import WaymarkMatching

/// Jaro–Winkler and Damerau–Levenshtein on the textbook cases and the edges.
@Suite struct SimilarityTests {
    @Test func jaroWinklerMatchesTheTextbook() {
        #expect(JaroWinkler.similarity("martha", "martha") == 1)
        #expect(abs(JaroWinkler.similarity("martha", "marhta") - 0.961) < 0.001)
        #expect(abs(JaroWinkler.similarity("dwayne", "duane") - 0.840) < 0.001)
        #expect(abs(JaroWinkler.similarity("dixon", "dicksonx") - 0.813) < 0.001)
    }

    @Test func jaroWinklerEdges() {
        #expect(JaroWinkler.similarity("", "") == 1)
        #expect(JaroWinkler.similarity("abc", "") == 0)
        #expect(JaroWinkler.similarity("abc", "xyz") == 0)
        #expect(JaroWinkler.similarity("jackson", "jakson") > JaroWinkler.similarity("jackson", "johnson"))
        let long = String(repeating: "ab", count: 100)
        #expect(JaroWinkler.similarity(long, long + "c") > 0.9, "names longer than 64 letters are compared on their start")
    }

    @Test func damerauLevenshteinCountsASwapAsOneEdit() {
        #expect(DamerauLevenshtein.distance("jackson", "jakcson") == 1)
        #expect(DamerauLevenshtein.distance("jackson", "jakson") == 1)
        #expect(DamerauLevenshtein.distance("smith", "smyth") == 1)
        #expect(DamerauLevenshtein.distance("kitten", "sitting") == 3)
        #expect(DamerauLevenshtein.distance("ca", "abc") == 3, "the optimal-string-alignment form edits a swapped pair once")
    }

    @Test func damerauLevenshteinEdges() {
        #expect(DamerauLevenshtein.distance("", "") == 0)
        #expect(DamerauLevenshtein.distance("abc", "") == 3)
        #expect(DamerauLevenshtein.distance("", "ab") == 2)
        #expect(DamerauLevenshtein.distance("zoe", "zoe") == 0)
    }
}
