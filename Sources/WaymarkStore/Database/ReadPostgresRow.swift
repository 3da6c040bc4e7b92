import PostgresKit

/// A row of a ``ReusedStatement`` as SQLKit reads it, decoding the plain
/// types the store reads (text, integers, booleans, doubles, and optionals
/// of them) straight from PostgresNIO's cells. PostgresKit's own row sends
/// every value through its general translation, whose dynamic casts were a
/// tenth of a search page's CPU; anything else, or a value that does not
/// decode this way, still goes through it, so what decodes is unchanged.
struct ReadPostgresRow: SQLRow {
    let row: PostgresRow
    let cells: PostgresRandomAccessRow

    init(_ row: PostgresRow) {
        self.row = row
        cells = row.makeRandomAccess()
    }

    var allColumns: [String] { cells.map(\.columnName) }

    func contains(column: String) -> Bool { cells.contains(column) }

    func decodeNil(column: String) throws -> Bool {
        !cells.contains(column) || cells[column].bytes == nil
    }

    func decode<T: Decodable>(column: String, as type: T.Type) throws -> T {
        if cells.contains(column), let value = try? Self.plain(cells[column], as: type) { return value }
        return try row.sql(decodingContext: .default).decode(column: column, as: type)
    }

    private static func plain<T>(_ cell: PostgresCell, as type: T.Type) throws -> T? {
        switch type {
        case is String.Type: try cell.decode(String.self) as? T
        case is String?.Type: try cell.decode(String?.self) as? T
        case is Int64.Type: try cell.decode(Int64.self) as? T
        case is Int64?.Type: try cell.decode(Int64?.self) as? T
        case is Int.Type: try cell.decode(Int.self) as? T
        case is Int?.Type: try cell.decode(Int?.self) as? T
        case is Bool.Type: try cell.decode(Bool.self) as? T
        case is Bool?.Type: try cell.decode(Bool?.self) as? T
        case is Double.Type: try cell.decode(Double.self) as? T
        case is Double?.Type: try cell.decode(Double?.self) as? T
        default: nil
        }
    }
}
