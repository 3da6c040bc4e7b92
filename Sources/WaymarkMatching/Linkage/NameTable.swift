/// Everything the name comparator needs about each distinct name of one field,
/// in flat arrays indexed by the name's number: its letters, sound code, the
/// full names its first part may stand for, and its parts.
struct NameTable: Sendable {
    /// Normalised letters with no separators: "O'Brien-Smith" → "obriensmith".
    private(set) var letters: [UInt8] = []
    private(set) var letterStart: [Int32] = [0]
    private(set) var phonetic: [Int32] = []
    /// Sound code of the nickname family of the first part, for blocking: Bill and William share it.
    private(set) var nicknameGroup: [Int32] = []
    private(set) var firstToken: [Int32] = []
    /// Full forms the first part may stand for, empty if it is in no nickname group.
    private(set) var forms: [Int32] = []
    private(set) var formStart: [Int32] = [0]
    /// Meaningful parts (particles dropped), as token numbers.
    private(set) var parts: [Int32] = []
    private(set) var partStart: [Int32] = [0]

    private var interner = ValueInterner()
    private var rawIDs: [String: Int32] = [:]
    private var tokens = ValueInterner()
    private var codes = ValueInterner()

    var count: Int { interner.count }

    /// The number for a name as typed; nil if it has no letters.
    mutating func id(of raw: String) -> Int32? {
        if let id = rawIDs[raw] { return id >= 0 ? id : nil }
        let tokenList = NameNormaliser.tokens(raw)
        let joined = tokenList.joined()
        guard !joined.isEmpty else {
            rawIDs[raw] = -1
            return nil
        }
        let (id, isNew) = interner.intern(joined)
        rawIDs[raw] = id
        if isNew { describe(joined, tokens: tokenList, raw: raw) }
        return id
    }

    private mutating func describe(_ joined: String, tokens tokenList: [String], raw: String) {
        letters.append(contentsOf: joined.utf8)
        letterStart.append(Int32(letters.count))
        phonetic.append(codes.intern(PhoneticCode.of(joined)).id)
        let first = tokenList.first ?? joined
        firstToken.append(tokens.intern(first).id)
        for form in Nicknames.table[first] ?? [] { forms.append(tokens.intern(form).id) }
        formStart.append(Int32(forms.count))
        nicknameGroup.append(codes.intern(PhoneticCode.of(NicknameGroups.representative(of: first))).id)
        for part in NameKeys.parts(raw) { parts.append(tokens.intern(part).id) }
        partStart.append(Int32(parts.count))
    }
}
