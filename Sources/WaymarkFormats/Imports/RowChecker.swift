import Foundation
import WaymarkCore

/// Checks one data row against its template and builds the typed row, or
/// collects every problem in it (not just the first, so a person can fix a
/// row in one go).
struct RowChecker {
    struct Problems: Error {
        var problems: [ImportProblem]
    }

    let row: ImportGrid.Row
    let header: [String]
    let mapping: [ImportField: Int]
    let grid: ImportGrid
    var problems: [ImportProblem] = []

    static func check(
        _ row: ImportGrid.Row, header: [String], mapping: [ImportField: Int], kind: ImportKind, grid: ImportGrid
    ) -> Result<ImportRow, Problems> {
        var checker = RowChecker(row: row, header: header, mapping: mapping, grid: grid)
        let identity = checker.identity()
        let event = checker.event(kind)
        guard checker.problems.isEmpty, let identity, let event else {
            // In the order of the file's columns, as a person reads the row.
            let position = { (problem: ImportProblem) in ImportField(rawValue: problem.field).flatMap { mapping[$0] } ?? Int.max }
            let ordered = checker.problems.enumerated().sorted {
                (position($0.element), $0.offset) < (position($1.element), $1.offset)
            }
            return .failure(Problems(problems: ordered.map(\.element)))
        }
        let fieldsByIndex = Dictionary(uniqueKeysWithValues: mapping.map { ($0.value, $0.key) })
        let raw = row.cells.enumerated().map { index, value in
            ImportRawCell(
                header: index < header.count ? header[index] : ImportGrid.columnLetters(index),
                field: fieldsByIndex[index], value: value)
        }
        return .success(ImportRow(row: row.number, identity: identity, event: event, raw: raw))
    }

    /// The trimmed cell for a field; nil when the column is absent or the cell blank.
    func text(_ field: ImportField) -> String? {
        guard let index = mapping[field], index < row.cells.count else { return nil }
        let value = row.cells[index].trimmingSpaces.trimmingCharacters(in: .newlines)
        return value.isEmpty ? nil : value
    }

    mutating func problem(_ field: ImportField, _ rule: String, _ message: String) {
        let column = mapping[field].flatMap { $0 < header.count ? header[$0].trimmingSpaces : nil }.flatMap { $0.isEmpty ? nil : $0 }
        problems.append(ImportProblem(row: row.number, field: field.name, column: column ?? field.label, rule: rule, message: message))
    }

    /// A required cell: a problem when blank.
    mutating func required(_ field: ImportField) -> String? {
        guard let value = text(field) else {
            problem(field, "required", "is empty; a value is required")
            return nil
        }
        return value
    }

    /// An optional cell run through a check; a problem when the check fails.
    mutating func optional<T>(_ field: ImportField, _ parse: (String) throws(ImportValues.ValueFailure) -> T) -> T? {
        guard let value = text(field) else { return nil }
        do {
            return try parse(value)
        } catch {
            problem(field, error.rule, error.message)
            return nil
        }
    }

    /// A required cell run through a check.
    mutating func required<T>(_ field: ImportField, _ parse: (String) throws(ImportValues.ValueFailure) -> T) -> T? {
        guard required(field) != nil else { return nil }
        return optional(field, parse)
    }

    /// The date check for this grid (Excel serials allowed for XLSX). A
    /// closure over copies, so passing it to a mutating check does not
    /// overlap with access to `self`.
    var dateParser: (String) throws(ImportValues.ValueFailure) -> CalendarDate {
        let serial = grid.excelSerialDates
        let date1904 = grid.date1904
        return { text throws(ImportValues.ValueFailure) in
            try ImportValues.date(text, excelSerial: serial, date1904: date1904)
        }
    }

    mutating func identity() -> ImportIdentity? {
        let date = dateParser
        let given = required(.givenName)
        let family = required(.familyName)
        let dob = required(.dateOfBirth, date)
        let gender = optional(.gender, ImportValues.gender)
        let postcode = optional(.postcode, ImportValues.postcode)
        let upn = optional(.upn, ImportValues.upn)
        let uln = optional(.uln, ImportValues.uln)
        guard let given, let family, let dob else { return nil }
        let lines = [ImportField.addressLine1, .addressLine2, .addressLine3, .town].compactMap(text)
        return ImportIdentity(
            recordReference: text(.recordReference), givenName: given, middleNames: text(.middleNames),
            familyName: family, dateOfBirth: dob, gender: gender, postcode: postcode, addressLines: lines,
            upn: upn, uln: uln)
    }

    mutating func establishment() -> ImportEstablishment {
        ImportEstablishment(
            ukprn: optional(.ukprn, ImportValues.ukprn),
            number: optional(.establishmentNumber, ImportValues.establishmentNumber),
            name: text(.establishmentName))
    }

    mutating func event(_ kind: ImportKind) -> ImportEvent? {
        let place = establishment()
        let date = dateParser
        switch kind {
        case .year11List:
            return required(.intendedDestination, ImportValues.intendedDestination).map {
                .intendedDestination($0, school: place)
            }
        case .collegeEnrolments, .providerStarters:
            let start = required(.startDate, date)
            let plannedEnd = optional(.plannedEndDate, date)
            if let start, let plannedEnd, plannedEnd < start {
                problem(.plannedEndDate, "end-after-start", "'\(plannedEnd.iso)' is before the start date \(start.iso)")
            }
            guard let start else { return nil }
            return kind == .collegeEnrolments
                ? .enrolment(college: place, start: start, plannedEnd: plannedEnd, course: text(.course))
                : .trainingStart(provider: place, start: start, plannedEnd: plannedEnd, programme: text(.course))
        case .collegeLeavers, .providerLeavers:
            guard let left = required(.leavingDate, date) else { return nil }
            return kind == .collegeLeavers
                ? .leaving(college: place, left: left, reason: text(.leavingReason))
                : .trainingEnd(provider: place, left: left, reason: text(.leavingReason))
        case .dwpClaimants:
            return required(.claimDate, date).map { .claim(start: $0) }
        case .schoolCensus:
            return census(school: place)
        case .ctf:
            return nil
        }
    }
}
