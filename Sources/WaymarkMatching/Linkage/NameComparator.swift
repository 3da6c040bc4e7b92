/// Levels for two names of the same field, by their numbers in that field's table.
struct NameComparator {
    /// JW at or above this counts as close: catches most single typos in names
    /// of five letters or more without joining distinct short names.
    static let closeSimilarity = 0.92
    /// A shared sound code counts only for names at least this alike: short
    /// names with one consonant share codes without sounding alike (Kayode
    /// and Chidi are both K300), and twins so named were taken for a typo.
    static let alikeSimilarity = 0.7

    /// Given names compare by nickname (and by first name: Mary-Jane, Mary);
    /// family and middle names by part instead (Smith-Jones, Jones).
    static func level(_ a: Int32, _ b: Int32, in table: NameTable, givenName: Bool) -> NameLevel {
        if a < 0 || b < 0 { return .missing }
        if a == b { return .exact }
        let (ia, ib) = (Int(a), Int(b))
        let similar = table.letters.withUnsafeBufferPointer { letters -> (close: Bool, alike: Bool, oneEdit: Bool) in
            let sa = UnsafeBufferPointer(rebasing: letters[Int(table.letterStart[ia])..<Int(table.letterStart[ia + 1])])
            let sb = UnsafeBufferPointer(rebasing: letters[Int(table.letterStart[ib])..<Int(table.letterStart[ib + 1])])
            let similarity = JaroWinkler.similarity(sa, sb)
            if similarity >= closeSimilarity { return (true, true, true) }
            return (false, similarity >= alikeSimilarity, DamerauLevenshtein.isWithinOneEdit(sa, sb))
        }
        if similar.close { return .close }
        if givenName, table.firstToken[ia] == table.firstToken[ib] || sharesForm(ia, ib, table) { return .nickname }
        if table.phonetic[ia] == table.phonetic[ib], similar.alike { return .phonetic }
        if similar.oneEdit { return .oneEdit }
        if !givenName, sharesPart(ia, ib, table) { return .partial }
        return .different
    }

    /// Whether two names from two tables (a given and a family name) have the same letters.
    static func sameLetters(_ a: Int32, _ tableA: NameTable, _ b: Int32, _ tableB: NameTable) -> Bool {
        if a < 0 || b < 0 { return false }
        let ra = Int(tableA.letterStart[Int(a)])..<Int(tableA.letterStart[Int(a) + 1])
        let rb = Int(tableB.letterStart[Int(b)])..<Int(tableB.letterStart[Int(b) + 1])
        return ra.count == rb.count && tableA.letters[ra].elementsEqual(tableB.letters[rb])
    }

    private static func sharesForm(_ a: Int, _ b: Int, _ table: NameTable) -> Bool {
        let ra = Int(table.formStart[a])..<Int(table.formStart[a + 1]), rb = Int(table.formStart[b])..<Int(table.formStart[b + 1])
        if ra.isEmpty || rb.isEmpty { return false }
        for x in ra { for y in rb where table.forms[x] == table.forms[y] { return true } }
        return false
    }

    private static func sharesPart(_ a: Int, _ b: Int, _ table: NameTable) -> Bool {
        let ra = Int(table.partStart[a])..<Int(table.partStart[a + 1]), rb = Int(table.partStart[b])..<Int(table.partStart[b + 1])
        if ra.count < 2 && rb.count < 2 { return false }
        for x in ra { for y in rb where table.parts[x] == table.parts[y] { return true } }
        return false
    }
}
