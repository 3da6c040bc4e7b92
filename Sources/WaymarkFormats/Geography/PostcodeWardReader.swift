import Foundation
public import WaymarkCore

/// Reads which ward each postcode lies in from the ONS Postcode Directory in
/// its CSV form (ONSPD: a header row, the postcode in `pcds`, or `pcd`, and the
/// ward's code in `osward`), or any CSV with a postcode column and a ward code
/// column named like WD24CD, with the kept RFC 4180 reader the imports use.
public enum PostcodeWardReader {
    public struct Reading: Sendable, Equatable {
        /// One per postcode, in the file's order.
        public let entries: [PostcodeWard]
        public let rowsRead: Int
        /// Postcodes the directory places in no ward (its pseudo code, e.g.
        /// E99999999 for the Channel Islands), or with the ward left empty.
        public let withoutWard: Int
    }

    public static func read(_ bytes: [UInt8], wardColumn: String? = nil, limits: GeographyLimits = .standard) throws(GeographyFileError) -> Reading {
        guard bytes.count <= limits.maxBytes else {
            throw GeographyFileError(location: "the file", field: "size", rule: "file-size",
                                     "the file is \(bytes.count.formatted()) bytes; at most \(limits.maxBytes.formatted()) are read (use the postcode area files of the directory's multi-CSV folder)")
        }
        let records: [[String]]
        do {
            records = try CSVReader.records(bytes, keepingBlankLines: true, maxFields: limits.maxCells)
        } catch {
            throw GeographyFileError(location: "row \(error.line)", field: "CSV", rule: "csv", error.message)
        }
        guard let header = records.first, !header.isEmpty else {
            throw GeographyFileError(location: "row 1", field: "header", rule: "header", "the file is empty; the first row names the columns (pcds and osward)")
        }
        let names = header.map { $0.trimmed.lowercased() }
        guard let postcodeIndex = names.firstIndex(of: "pcds") ?? names.firstIndex(of: "pcd") ?? names.firstIndex(of: "postcode") else {
            throw GeographyFileError(location: "row 1", field: "header", rule: "postcode-column", "no postcode column: the first row names none of pcds, pcd or postcode")
        }
        let wardIndex: Int
        if let wardColumn {
            guard let index = names.firstIndex(of: wardColumn.lowercased()) else {
                throw GeographyFileError(location: "row 1", field: "header", rule: "ward-column", "no column is named \(wardColumn)")
            }
            wardIndex = index
        } else if let index = names.firstIndex(of: "osward") {
            wardIndex = index
        } else {
            let candidates = names.indices.filter { isWardCodeColumn(names[$0]) }
            guard candidates.count == 1, let index = candidates.first else {
                throw GeographyFileError(location: "row 1", field: "header", rule: "ward-column", candidates.isEmpty
                    ? "no ward column: the first row names neither osward nor a column like WD24CD (name it with --ward-column)"
                    : "columns \(candidates.map { header[$0] }.joined(separator: " and ")) both look like ward codes; choose one with --ward-column")
            }
            wardIndex = index
        }
        let fieldNames = (postcode: header[postcodeIndex].trimmed, ward: header[wardIndex].trimmed)
        var entries: [PostcodeWard] = []
        var rowOf: [String: (row: Int, ward: String)] = [:]
        var problems: [GeographyProblem] = []
        var total = 0
        var rowsRead = 0
        var withoutWard = 0
        func problem(_ row: Int, _ field: String, _ rule: String, _ message: String) {
            total += 1
            if problems.count < GeographyFileError.kept {
                problems.append(GeographyProblem(location: "row \(row)", field: field, rule: rule, message: message))
            }
        }
        for (offset, record) in records.enumerated().dropFirst() where !record.isEmpty {
            let row = offset + 1
            rowsRead += 1
            guard record.count > max(postcodeIndex, wardIndex) else {
                problem(row, "row", "columns", "the row has \(record.count) cells; the header names \(header.count)")
                continue
            }
            let postcode: String
            do {
                postcode = try ImportValues.postcode(record[postcodeIndex].trimmed)
            } catch {
                problem(row, fieldNames.postcode, "postcode", "'\(record[postcodeIndex].prefix(20))' is not a UK postcode (for example LS6 2AB)")
                continue
            }
            let ward = record[wardIndex].trimmed.uppercased()
            if ward.isEmpty || GSSCode.isPseudo(ward) {
                withoutWard += 1
                continue
            }
            guard GSSCode.isWellFormed(ward) else {
                problem(row, fieldNames.ward, "ward-code", "'\(ward.prefix(20))' is not an ONS ward code (a letter and eight digits, e.g. E05011234)")
                continue
            }
            let key = PostcodeParts.key(postcode)
            if let earlier = rowOf[key] {
                if earlier.ward != ward {
                    problem(row, fieldNames.postcode, "postcode-once", "\(postcode) is in ward \(ward) here but in \(earlier.ward) on row \(earlier.row); a postcode lies in one ward")
                }
                continue
            }
            rowOf[key] = (row, ward)
            entries.append(PostcodeWard(postcode: postcode, wardCode: ward))
        }
        guard problems.isEmpty else { throw GeographyFileError(problems, total: total) }
        return Reading(entries: entries, rowsRead: rowsRead, withoutWard: withoutWard)
    }

    /// wd24cd, WD23CD: the ward code column of the ONS's lookups.
    static func isWardCodeColumn(_ name: String) -> Bool {
        let characters = Array(name.lowercased())
        return characters.count == 6 && name.lowercased().hasPrefix("wd") && name.lowercased().hasSuffix("cd")
            && characters[2].isASCIIDigit && characters[3].isASCIIDigit
    }
}
