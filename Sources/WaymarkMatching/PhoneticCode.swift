/// A Soundex-style sound code tuned for British names: one letter and three
/// digits. A few spellings that sound alike are rewritten first (ph→f, ck→k,
/// mps→ms, a silent k or w at the start, a hard c or q at the start becomes k,
/// a soft one s), so Katherine/Catherine, Philip/Filip, Jackson/Jakson/Jaxon,
/// Thompson/Thomson, Smith/Smyth and Mohammed/Muhammad share a code.
/// Input is a normalised token (see ``NameNormaliser``); other bytes are ignored.
public enum PhoneticCode {
    public static func of(_ token: String) -> String {
        var letters: [UInt8] = []
        letters.reserveCapacity(token.utf8.count)
        for byte in token.utf8 where byte >= 0x61 && byte <= 0x7A { letters.append(byte) }
        return of(letters: letters)
    }

    /// The code of lower-case ASCII letters; "" for none. Without
    /// `respellingTheStart`, the first letter is kept as typed (plain Soundex
    /// there): a tolerant search adds that code, as "wrd" for Ward is not Wright.
    public static func of(letters input: [UInt8], respellingTheStart: Bool = true) -> String {
        let letters = respell(input, start: respellingTheStart)
        guard let first = letters.first else { return "" }
        var code: [UInt8] = [first - 32, 0x30, 0x30, 0x30]
        var count = 1
        var previous = digit(first)
        for letter in letters.dropFirst() {
            let current = digit(letter)
            if current != 0, current != previous {
                code[count] = 0x30 + current
                count += 1
                if count == 4 { break }
            }
            // h and w do not separate letters of the same class; vowels do.
            if letter != h, letter != w { previous = current }
        }
        return String(decoding: code, as: UTF8.self)
    }

    private static let h: UInt8 = 0x68, w: UInt8 = 0x77

    private static func respell(_ input: [UInt8], start: Bool) -> [UInt8] {
        var letters: [UInt8] = []
        letters.reserveCapacity(input.count)
        var index = 0
        let count = input.count
        func at(_ i: Int) -> UInt8 { i < count ? input[i] : 0 }
        // Silent first letters: Knight, Wright, Gnome, Psalm.
        if start, count > 2, (at(0) == 0x6B || at(0) == 0x67) && at(1) == 0x6E || at(0) == w && at(1) == 0x72 || at(0) == 0x70 && at(1) == 0x73 {
            index = 1
        }
        if start, let first = index < count ? input[index] : nil, first == 0x63 || first == 0x71 {
            let next = at(index + 1)
            letters.append(first == 0x63 && (next == 0x65 || next == 0x69 || next == 0x79) ? 0x73 : 0x6B)  // soft c → s, else k
            index += 1
        }
        while index < count {
            let letter = input[index]
            let next = at(index + 1)
            if letter == 0x70 && next == h {  // ph → f
                letters.append(0x66)
                index += 2
            } else if letter == 0x63 && next == 0x6B {  // ck → k
                letters.append(0x6B)
                index += 2
            } else if letter == 0x70 && letters.last == 0x6D && (next == 0x73 || next == 0x74) {  // Thompson → Thomson
                index += 1
            } else {
                letters.append(letter)
                index += 1
            }
        }
        return letters
    }

    /// Soundex digit classes; 0 for vowels and letters that carry no class.
    private static func digit(_ letter: UInt8) -> UInt8 {
        switch letter {
        case 0x62, 0x66, 0x70, 0x76: 1  // b f p v
        case 0x63, 0x67, 0x6A, 0x6B, 0x71, 0x73, 0x78, 0x7A: 2  // c g j k q s x z
        case 0x64, 0x74: 3  // d t
        case 0x6C: 4  // l
        case 0x6D, 0x6E: 5  // m n
        case 0x72: 6  // r
        default: 0
        }
    }
}
