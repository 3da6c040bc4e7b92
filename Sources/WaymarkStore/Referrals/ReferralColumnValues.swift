import Foundation
import SQLKit
import WaymarkCore
import WaymarkRecords

/// Reading the referral and known-to tables' text columns back into their
/// types; a value that is not one fails loudly, naming table and column.
enum ReferralColumnValues {
    static func code<T: RawRepresentable>(_ row: any SQLRow, _ column: String, table: String, as type: T.Type = T.self) throws -> T
    where T.RawValue == String {
        let text = try row.decode(column: column, as: String.self)
        guard let value = T(rawValue: text) else { throw StoreError.invalidStoredValue(table: table, column: column, value: text) }
        return value
    }

    static func optionalCode<T: RawRepresentable>(_ row: any SQLRow, _ column: String, table: String, as type: T.Type = T.self) throws -> T?
    where T.RawValue == String {
        guard let text = try row.decode(column: column, as: String?.self) else { return nil }
        guard let value = T(rawValue: text) else { throw StoreError.invalidStoredValue(table: table, column: column, value: text) }
        return value
    }

    static func instant(_ row: any SQLRow, _ column: String, table: String) throws -> Date {
        let text = try row.decode(column: column, as: String.self)
        guard let instant = Timestamp.parse(text) else { throw StoreError.invalidStoredValue(table: table, column: column, value: text) }
        return instant
    }

    static func date(_ row: any SQLRow, _ column: String, table: String) throws -> CalendarDate {
        let text = try row.decode(column: column, as: String.self)
        guard let date = try? CalendarDate(iso: text) else { throw StoreError.invalidStoredValue(table: table, column: column, value: text) }
        return date
    }

    static func optionalDate(_ row: any SQLRow, _ column: String, table: String) throws -> CalendarDate? {
        guard try row.decode(column: column, as: String?.self) != nil else { return nil }
        return try date(row, column, table: table)
    }
}
