/// Distinct values of a field compared only for equality (identifiers,
/// gender, school, address), normalised so case and spacing do not matter.
struct CodeTable: Sendable {
    enum Kind: Sendable {
        /// UPN, ULN: letters and digits, upper case.
        case identifier
        /// Words in normalised form: "12 High St." and "12 high st" agree.
        case words
        /// An address's first line: words as above, street types spelt out
        /// and nothing after the first ("2 Commercial Ave" and "2 Commercial
        /// Avenue, Bramley Marsh" agree; one source adds the town, another
        /// abbreviates).
        case address
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
        case .address:
            return firstLine(normalise(raw, kind: .words))
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

    /// Up to the first street type that follows at least two words (so the
    /// "St" of "12 St Johns Road" and the "Park" of "5 Park Lane" are names).
    static func firstLine(_ words: String) -> String {
        var kept: [String] = []
        for word in words.split(separator: " ") {
            let full = kept.count >= 2 ? streetTypes[String(word)] ?? String(word) : String(word)
            kept.append(full)
            if kept.count > 2, streetTypeNames.contains(full) { break }
        }
        return kept.joined(separator: " ")
    }

    static let streetTypes: [String: String] = [
        "rd": "road", "st": "street", "ave": "avenue", "av": "avenue", "ln": "lane", "cl": "close", "dr": "drive", "ct": "court",
        "gr": "grove", "gro": "grove", "gdns": "gardens", "cres": "crescent", "pl": "place", "terr": "terrace", "ter": "terrace",
        "mt": "mount", "sq": "square", "pde": "parade", "wk": "walk",
    ]
    static let streetTypeNames: Set<String> = [
        "road", "street", "avenue", "lane", "close", "drive", "court", "grove", "gardens", "crescent", "place", "terrace", "way", "walk",
        "view", "rise", "mount", "square", "hill", "green", "park", "row", "mews", "fold", "croft", "gate", "parade",
    ]
}
