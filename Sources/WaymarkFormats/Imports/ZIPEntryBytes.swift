/// Where an entry's stored bytes lie in a ZIP, read from its central
/// directory and local header with every offset checked against the data.
///
/// XLSXReader inflates these bytes itself (with ZIPFoundation's inflater)
/// instead of calling `Archive.extract`: that loops for ever when a deflate
/// stream does not end before the file does (the fuzzer found a 1 KB file
/// that hung a core), because it keeps asking for input past the end.
enum ZIPEntryBytes {
    static func range(of path: String, in bytes: [UInt8]) -> Range<Int>? {
        func u16(_ at: Int) -> Int? { at >= 0 && at + 2 <= bytes.count ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
        func u32(_ at: Int) -> Int? {
            guard let low = u16(at), let high = u16(at + 2) else { return nil }
            return low | high << 16
        }
        // The end-of-central-directory record: 22 bytes, then a comment of up to 65,535.
        var end = bytes.count - 22
        while end >= max(0, bytes.count - 22 - 65_535), u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= 0, let count = u16(end + 10), var entry = u32(end + 16) else { return nil }
        let name = Array(path.utf8)
        for _ in 0..<count {
            guard u32(entry) == 0x0201_4B50, let size = u32(entry + 20), let nameLength = u16(entry + 28),
                let extraLength = u16(entry + 30), let commentLength = u16(entry + 32), let local = u32(entry + 42),
                entry + 46 + nameLength <= bytes.count
            else { return nil }
            if bytes[(entry + 46)..<(entry + 46 + nameLength)].elementsEqual(name) {
                guard u32(local) == 0x0403_4B50, let localName = u16(local + 26), let localExtra = u16(local + 28) else { return nil }
                let start = local + 30 + localName + localExtra
                guard start + size <= bytes.count else { return nil }
                return start..<(start + size)
            }
            entry += 46 + nameLength + extraLength + commentLength
        }
        return nil
    }
}
