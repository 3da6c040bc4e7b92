/// Distinct identifiers (UPN or ULN) with their characters and whether each
/// passes its check, so the comparator can tell a slip in typing from
/// another child's number.
struct IdentifierTable: Sendable {
    enum Kind: Sendable {
        /// Check letter then twelve digits, the letter from the digits weighted 2…13, mod 23.
        case upn
        /// Ten digits; no check is applied.
        case uln
    }

    let kind: Kind
    private(set) var characters: [UInt8] = []
    private(set) var start: [Int32] = [0]
    /// Whether the value passes its check (always true for a ULN).
    private(set) var valid: [Bool] = []
    private var interner = ValueInterner()
    private var rawIDs: [String: Int32] = [:]

    init(kind: Kind) { self.kind = kind }

    mutating func id(of raw: String) -> Int32? {
        if let id = rawIDs[raw] { return id >= 0 ? id : nil }
        let value = CodeTable.normalise(raw, kind: .identifier)
        guard !value.isEmpty else {
            rawIDs[raw] = -1
            return nil
        }
        let (id, isNew) = interner.intern(value)
        rawIDs[raw] = id
        if isNew {
            characters.append(contentsOf: value.utf8)
            start.append(Int32(characters.count))
            valid.append(kind == .uln || Self.upnChecks(Array(value.utf8)))
        }
        return id
    }

    static let checkLetters = Array("ABCDEFGHJKLMNPQRTUVWXYZ".utf8)

    static func upnChecks(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 13 else { return false }
        var sum = 0
        for (offset, byte) in bytes.dropFirst().enumerated() {
            guard byte >= 0x30, byte <= 0x39 else { return false }
            sum += (offset + 2) * Int(byte - 0x30)
        }
        return bytes[0] == checkLetters[sum % 23]
    }

    /// Equal, one slip apart (a changed character or two neighbours swapped,
    /// and for a UPN its check failing on exactly one side), or different.
    func level(_ a: Int32, _ b: Int32) -> IdentifierLevel {
        if a < 0 || b < 0 { return .missing }
        if a == b { return .equal }
        let (ia, ib) = (Int(a), Int(b))
        // A slip in a UPN breaks its check letter: exactly one side fails it.
        // Two that pass are two children's; two that fail are not UPNs to judge.
        if kind == .upn, valid[ia] == valid[ib] { return .different }
        let ra = Int(start[ia])..<Int(start[ia + 1]), rb = Int(start[ib])..<Int(start[ib + 1])
        guard ra.count == rb.count else { return .different }
        var first = -1, differing = 0
        for k in 0..<ra.count where characters[ra.lowerBound + k] != characters[rb.lowerBound + k] {
            differing += 1
            if differing > 2 { return .different }
            if first < 0 { first = k }
        }
        if differing == 1 { return .oneSlip }
        let (x, y) = (ra.lowerBound + first, rb.lowerBound + first)
        if differing == 2, first + 1 < ra.count, characters[x] == characters[y + 1], characters[x + 1] == characters[y] { return .oneSlip }
        return .different
    }
}
