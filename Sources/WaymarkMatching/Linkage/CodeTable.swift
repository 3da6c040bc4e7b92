/// Distinct values of a field compared only for equality (identifiers,
/// gender, school, address), normalised so case and spacing do not matter.
struct CodeTable: Sendable {
    enum Kind: Sendable {
        /// UPN, ULN: letters and digits, upper case.
        case identifier
        /// Words in normalised form: "12 High St." and "12 high st" agree.
        case words
        /// First letter, upper case; unknown and withheld count as missing.
        case gender
    }

    let kind: Kind
    private var interner = ValueInterner()
    private var rawIDs: [String: Int32] = [:]

    init(kind: Kind) { self.kind = kind }

    var count: Int { interner.count }

    mutating func id(of raw: String) -> Int32? {
        if let id = rawIDs[raw] { return id >= 0 ? id : nil }
        let value = Self.normalise(raw, kind: kind)
        guard !value.isEmpty else {
            rawIDs[raw] = -1
            return nil
        }
        let id = interner.intern(value).id
        rawIDs[raw] = id
        return id
    }

    static func normalise(_ raw: String, kind: Kind) -> String {
        switch kind {
        case .identifier:
            var bytes: [UInt8] = []
            for byte in raw.utf8 {
                switch byte {
                case 0x30...0x39, 0x41...0x5A: bytes.append(byte)
                case 0x61...0x7A: bytes.append(byte - 32)
                default: continue
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        case .words:
            // Unlike names, house numbers count.
            var words: [String] = []
            var current: [UInt8] = []
            for byte in raw.utf8 {
                switch byte {
                case 0x30...0x39, 0x61...0x7A, 0x80...: current.append(byte)
                case 0x41...0x5A: current.append(byte + 32)
                case 0x27, 0x2E: continue
                default:
                    if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                    current.removeAll(keepingCapacity: true)
                }
            }
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            return words.joined(separator: " ")
        case .gender:
            guard let first = NameNormaliser.tokens(raw).first?.first else { return "" }
            return first == "u" || first == "w" ? "" : String(first).uppercased()
        }
    }
}
