import Foundation
import WaymarkFormats
import WaymarkMatching

/// Reading linkage records from CSV files and writing results, for `waymark match`.
enum MatchCSV {
    static func records(at path: String) throws -> [LinkageRecord] {
        // The file's Data is let go before parsing: it and its bytes together were a copy too many.
        let bytes: [UInt8] = try {
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationErrorText("cannot read \(path)") }
            return [UInt8](data)
        }()
        do {
            let table = try CSVTable(bytes)
            return try LinkageInput.records(header: table.header, rows: table.rows)
        } catch let error as CSVError {
            throw ValidationErrorText("\(path): \(error.description)")
        } catch let error as LinkageInputError {
            throw ValidationErrorText("\(path): \(error.message)")
        }
    }

    static func write(_ rows: [[String]], header: [String], to path: String) throws {
        var text = header.joined(separator: ",") + "\n"
        for row in rows { text += row.map(quoted).joined(separator: ",") + "\n" }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { throw ValidationErrorText("cannot write \(path)") }
    }

    /// A field as RFC 4180 wants it: quoted only if it holds a comma, quote or line break.
    static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// An error whose text is the whole message (ArgumentParser prints it and exits non-zero).
struct ValidationErrorText: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
