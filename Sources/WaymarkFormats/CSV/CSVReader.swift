/// Reads comma-separated values as RFC 4180 has them: fields in double quotes
/// may hold commas, line breaks and doubled quotes; lines end in CRLF or LF;
/// a byte-order mark at the start is dropped. Works on bytes, as a caseload
/// export can run to a million lines.
public enum CSVReader {
    /// Every record, the header (if any) first. Blank lines are skipped, or
    /// with `keepingBlankLines` returned as empty records, so that a caller can
    /// number rows as a spreadsheet shows them. A file of more than
    /// `maxFields` fields is refused: each comma costs one byte in the file
    /// but a string in memory.
    public static func records(_ bytes: [UInt8], keepingBlankLines: Bool = false, maxFields: Int = .max) throws(CSVError) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        // A quote opens a quoted field only as the field's first character.
        var atFieldStart = true
        // Anything (even a lone comma) seen since the last line break: a blank line is no record.
        var recordStarted = false
        let count = bytes.count
        var fields = 0
        func endField() {
            fields += 1
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            atFieldStart = true
        }
        func endRecord() {
            if recordStarted {
                endField()
                records.append(record)
            }
            record = []
            recordStarted = false
            atFieldStart = true
        }
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0x22 where atFieldStart:
                // A quoted field: runs to the closing quote, "" standing for one quote.
                let openedOn = line
                index += 1
                var closed = false
                while index < count {
                    let inner = bytes[index]
                    if inner == 0x22 {
                        if index + 1 < count, bytes[index + 1] == 0x22 {
                            field.append(0x22)
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    if inner == 0x0A { line += 1 }
                    field.append(inner)
                    index += 1
                }
                guard closed else { throw CSVError(line: openedOn, message: "a quoted field is not closed") }
                atFieldStart = false
                recordStarted = true
                if index < count, bytes[index] != 0x2C, bytes[index] != 0x0A, bytes[index] != 0x0D {
                    throw CSVError(line: line, message: "text after a closing quote; quotes inside a field must be doubled")
                }
                continue
            case 0x2C:
                recordStarted = true
                endField()
                guard fields < maxFields else { throw tooManyCells(line: line, maxFields) }
            case 0x0D where index + 1 < count && bytes[index + 1] == 0x0A:
                break
            case 0x0A, 0x0D:
                if keepingBlankLines && !recordStarted { records.append([]) }
                endRecord()
                guard fields <= maxFields else { throw tooManyCells(line: line, maxFields) }
                line += 1
            default:
                field.append(byte)
                atFieldStart = false
                recordStarted = true
            }
            index += 1
        }
        endRecord()
        guard fields <= maxFields else { throw tooManyCells(line: line, maxFields) }
        return records
    }

    static func tooManyCells(line: Int, _ limit: Int) -> CSVError {
        CSVError(line: line, message: "the file has more than \(ImportFileError.grouped(limit)) cells: split it into smaller files")
    }
}

/// A file that is not well-formed CSV, with the line where the problem starts.
public struct CSVError: Error, Equatable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// A CSV file with a header: columns found by name, the rest ignored.
public struct CSVTable: Sendable {
    public let header: [String]
    /// Data rows, without the header.
    public let rows: [[String]]

    public init(_ bytes: [UInt8]) throws(CSVError) {
        var records = try CSVReader.records(bytes)
        guard !records.isEmpty else { throw CSVError(line: 1, message: "the file is empty: a header line is needed") }
        header = records.removeFirst().map { $0.trimmingSpaces.lowercased() }
        rows = records
    }

    /// The position of a column by its (case-insensitive) name.
    public func column(_ name: String) -> Int? {
        header.firstIndex(of: name.lowercased())
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first == " " || scalars.first == "\t" { scalars.removeFirst() }
        while scalars.last == " " || scalars.last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
