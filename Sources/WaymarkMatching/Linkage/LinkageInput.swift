/// Turns a table with a header (from a CSV file) into linkage records. The
/// columns are found by name, any subset in any order, others ignored; only
/// record_id is required. Rows are numbered as in a spreadsheet, the header
/// being row 1, so an error points at the line a person would open.
public enum LinkageInput {
    public static let columns = [
        "record_id", "given_name", "middle_names", "family_name", "dob", "gender", "postcode", "address", "phone", "upn", "uln", "school",
    ]

    public static func records(header: [String], rows: [[String]]) throws(LinkageInputError) -> [LinkageRecord] {
        let names = header.map { $0.lowercased() }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let idColumn = column("record_id") else {
            throw LinkageInputError("the header has no record_id column (it has: \(header.joined(separator: ", ")))")
        }
        let (given, middle, family, dob, gender) = (column("given_name"), column("middle_names"), column("family_name"), column("dob"), column("gender"))
        let (postcode, address, upn, uln, school) = (column("postcode"), column("address"), column("upn"), column("uln"), column("school"))
        let phone = column("phone")
        var firstRow: [String: Int] = [:]
        firstRow.reserveCapacity(rows.count)
        var records: [LinkageRecord] = []
        records.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let rowNumber = index + 2
            func value(_ column: Int?) -> String? {
                guard let column, column < row.count else { return nil }
                let text = row[column].trimmingSpaces
                return text.isEmpty ? nil : text
            }
            guard let id = value(idColumn) else { throw LinkageInputError("row \(rowNumber), record_id: empty") }
            if let earlier = firstRow.updateValue(rowNumber, forKey: id) {
                throw LinkageInputError("row \(rowNumber), record_id: '\(id)' is already used on row \(earlier)")
            }
            var date: BirthDate?
            if let text = value(dob) {
                guard let parsed = BirthDate(iso: text) else { throw LinkageInputError("row \(rowNumber), dob: '\(text)' is not a date YYYY-MM-DD") }
                date = parsed
            }
            records.append(
                LinkageRecord(
                    recordID: id, givenName: value(given), middleNames: value(middle), familyName: value(family), dateOfBirth: date,
                    gender: value(gender), postcode: value(postcode), address: value(address), phone: value(phone), upn: value(upn), uln: value(uln), school: value(school)))
        }
        return records
    }
}

/// Input that cannot be linked, saying which row and field.
public struct LinkageInputError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
