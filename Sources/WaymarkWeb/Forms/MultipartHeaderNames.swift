/// multipart-kit 4.7 traps (an index out of range, taking the server down)
/// when a part's header name holds a byte of 128 or more: it looks the byte
/// up in a 128-entry table. Until a release fixes it, an upload is checked
/// here first: after every occurrence of the boundary, up to the blank line
/// that ends the part's headers, the text before each line's colon must be
/// ASCII. Header values (a file name in UTF-8) are left alone.
enum MultipartHeaderNames {
    static func areASCII(_ body: [UInt8], boundary: String) -> Bool {
        let marker = Array("--\(boundary)".utf8)
        guard let first = marker.first else { return true }
        var index = 0
        while index + marker.count <= body.count {
            guard body[index] == first, body[index..<(index + marker.count)].elementsEqual(marker) else {
                index += 1
                continue
            }
            index += marker.count
            guard let end = namesEnd(body, from: index) else { return false }
            index = end
        }
        return true
    }

    /// Where the header block starting at `start` ends (its blank line, or the
    /// body's end), or nil when a header name in it is not ASCII.
    private static func namesEnd(_ body: [UInt8], from start: Int) -> Int? {
        var index = start
        var inName = true
        while index < body.count {
            let byte = body[index]
            if byte == 0x0D, index + 1 < body.count, body[index + 1] == 0x0A {
                if index + 3 < body.count, body[index + 2] == 0x0D, body[index + 3] == 0x0A { return index + 4 }
                inName = true
                index += 2
                continue
            }
            if byte == 0x3A { inName = false }
            if inName && byte >= 0x80 { return nil }
            index += 1
        }
        return index
    }
}
