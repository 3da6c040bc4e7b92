import Foundation

/// Finds a processing instruction with no data, such as `<?x?>`. On Linux,
/// Foundation's XMLParser passes the missing data to strlen and the process
/// dies (the fuzzer found it in a CTF), so such a document is refused before
/// it is parsed. `<?x ?>` and `<?x data?>` are harmless and pass.
enum XMLEmptyInstruction {
    static func first(in data: Data) -> (line: Int, column: Int)? {
        let bytes = [UInt8](data)
        var line = 1
        var lineStart = 0
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            } else if bytes[index] == 0x3C, bytes[index + 1] == 0x3F {
                var end = index + 2
                while end < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, 0x3F].contains(bytes[end]) { end += 1 }
                if end + 1 < bytes.count, bytes[end] == 0x3F, bytes[end + 1] == 0x3E {
                    return (line, index - lineStart + 1)
                }
            }
            index += 1
        }
        return nil
    }
}
