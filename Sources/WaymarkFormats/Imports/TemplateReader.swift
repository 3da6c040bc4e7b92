/// Applies an import template to a grid: maps the header to the template's
/// columns, refuses files that cannot be read as a whole, then checks every
/// row. Shared by the CSV and XLSX readers so both behave the same.
enum TemplateReader {
    static func read(_ grid: ImportGrid, kind: ImportKind, limits: ImportLimits) throws(ImportFileError) -> ImportReading {
        guard kind != .ctf else {
            throw .wrongFormat(reason: "a Common Transfer File is XML: read it with CTFReader, not as a spreadsheet")
        }
        guard let headerIndex = grid.rows.firstIndex(where: { !isBlank($0.cells) }) else { throw .empty }
        let headerRow = grid.rows[headerIndex]
        try checkLengths(headerRow, header: headerRow.cells, limits: limits)
        let header = headerRow.cells.map { $0.trimmingSpaces }
        let mapping = try mapHeader(header, kind: kind)

        var rows: [ImportRow] = []
        var problems: [ImportProblem] = []
        var rowsRead = 0
        for row in grid.rows[(headerIndex + 1)...] where !isBlank(row.cells) {
            rowsRead += 1
            guard rowsRead <= limits.maxRows else { throw .tooManyRows(limit: limits.maxRows) }
            try checkLengths(row, header: header, limits: limits)
            switch RowChecker.check(row, header: header, mapping: mapping, kind: kind, grid: grid) {
            case .success(let valid): rows.append(valid)
            case .failure(let found): problems.append(contentsOf: found.problems)
            }
        }
        return ImportReading(kind: kind, rows: rows, problems: problems, rowsRead: rowsRead)
    }

    static func isBlank(_ cells: [String]) -> Bool {
        cells.allSatisfy { $0.trimmingSpaces.isEmpty }
    }

    /// Which column index fills each field. Unknown headers are ignored (kept
    /// in the raw cells); two headers for one field, or a required field with
    /// none, refuse the file.
    static func mapHeader(_ header: [String], kind: ImportKind) throws(ImportFileError) -> [ImportField: Int] {
        var mapping: [ImportField: Int] = [:]
        let columns = kind.columns
        for (index, name) in header.enumerated() {
            guard let named = ImportField.fieldsByKey[ImportField.headerKey(name)],
                let column = columns.first(where: { named.contains($0.field) })
            else { continue }
            if let earlier = mapping[column.field] {
                throw .duplicatedHeader(field: column.field.label, first: header[earlier], second: name)
            }
            mapping[column.field] = index
        }
        let missing = columns.filter { $0.required && mapping[$0.field] == nil }
        guard missing.isEmpty else {
            throw .missingColumns(missing.map { .init(field: $0.field.label, acceptedHeaders: $0.aliases) })
        }
        return mapping
    }

    /// A cell over the limit refuses the whole file: it is a wrong or hostile
    /// file, not a typing slip, and holding it would cost memory downstream.
    static func checkLengths(_ row: ImportGrid.Row, header: [String], limits: ImportLimits) throws(ImportFileError) {
        for (index, cell) in row.cells.enumerated() where cell.utf8.count > limits.maxCellCharacters {
            let characters = cell.count
            guard characters > limits.maxCellCharacters else { continue }
            let column = index < header.count && !header[index].isEmpty ? header[index] : ImportGrid.columnLetters(index)
            throw .cellTooLong(row: row.number, column: column, characters: characters, limit: limits.maxCellCharacters)
        }
    }
}
