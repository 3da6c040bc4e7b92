import ArgumentParser
import Foundation
import WaymarkApp
import WaymarkCore

/// Which local authority a statutory command works for.
struct AuthorityOptions: ParsableArguments {
    @Option(name: .customLong("la-code"), help: "The LA's 3-digit code. (env: WAYMARK_LA_CODE, default: the demo LA 990)")
    var laCode: String?

    var registry: LocalAuthorityRegistry { DemoAuthority.registry }

    func code() throws -> LocalAuthorityCode {
        let text = laCode ?? ProcessInfo.processInfo.environment["WAYMARK_LA_CODE"] ?? DemoAuthority.code
        do {
            return try registry.code(text, field: "--la-code")
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

/// Dates given on the command line, refused with the option's name when malformed.
enum CommandDates {
    static func date(_ text: String, option: String) throws -> CalendarDate {
        do {
            return try CalendarDate(iso: text, field: option)
        } catch {
            throw ValidationError("\(option): '\(text)' is not a date (YYYY-MM-DD)")
        }
    }

    /// `YYYY-MM` to the last day of that month.
    static func monthEnd(_ text: String, option: String) throws -> CalendarDate {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), parts[0].count == 4, (1...12).contains(month) else {
            throw ValidationError("\(option): '\(text)' is not a month (YYYY-MM)")
        }
        return try CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
    }

    /// The most recent month end on or before today.
    static func lastMonthEnd(today: CalendarDate) -> CalendarDate {
        today.day == CalendarDate.daysIn(month: today.month, year: today.year) ? today : today.adding(days: -today.day)
    }

    static func checkedPeriodEnd(_ periodEnd: CalendarDate, today: CalendarDate) throws -> CalendarDate {
        do {
            return try ReturnPeriod.check(periodEnd, today: today)
        } catch let failure as ValidationFailure {
            throw ValidationError(failure.violations.map(\.message).joined(separator: "; "))
        }
    }
}
