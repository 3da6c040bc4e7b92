import SQLKit
import SQLiteKit

/// One stored column's value as it is, for a subject access pack that sets
/// out every column of every row without a type written for each table.
public enum StoredValue: Sendable, Equatable, Codable {
    case text(String)
    case integer(Int64)
    case decimal(Double)
    case flag(Bool)
    case null

    public var display: String {
        switch self {
        case .text(let text): text
        case .integer(let number): String(number)
        case .decimal(let number): String(number)
        case .flag(let flag): flag ? "yes" : "no"
        case .null: ""
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .integer(let number): try container.encode(number)
        case .decimal(let number): try container.encode(number)
        case .flag(let flag): try container.encode(flag)
        case .null: try container.encodeNil()
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let flag = try? container.decode(Bool.self) { self = .flag(flag) }
        else if let number = try? container.decode(Int64.self) { self = .integer(number) }
        else if let number = try? container.decode(Double.self) { self = .decimal(number) }
        else { self = .text(try container.decode(String.self)) }
    }

    /// What SQLite stored, as it stored it.
    init(sqlite data: SQLiteData) {
        switch data {
        case .text(let text): self = .text(text)
        case .integer(let number): self = .integer(Int64(number))
        case .float(let number): self = .decimal(number)
        case .blob, .null: self = .null
        }
    }

    /// PostgreSQL's columns are typed, so each type is tried, narrowest first:
    /// its text decoding takes any column's bytes, so it comes last.
    static func typed(_ row: any SQLRow, column: String) -> StoredValue {
        if (try? row.decodeNil(column: column)) ?? true { return .null }
        if let value = try? row.decode(column: column, as: Int64.self) { return .integer(value) }
        if let value = try? row.decode(column: column, as: Bool.self) { return .flag(value) }
        if let value = try? row.decode(column: column, as: Double.self) { return .decimal(value) }
        if let value = try? row.decode(column: column, as: String.self) { return .text(value) }
        return .null
    }
}

/// One stored row: its columns in the table's order.
public struct StoredRow: Sendable, Equatable {
    public let columns: [(name: String, value: StoredValue)]

    public static func == (lhs: StoredRow, rhs: StoredRow) -> Bool {
        lhs.columns.map(\.name) == rhs.columns.map(\.name) && lhs.columns.map(\.value) == rhs.columns.map(\.value)
    }

    public subscript(_ name: String) -> StoredValue {
        columns.first { $0.name == name }?.value ?? .null
    }
}
