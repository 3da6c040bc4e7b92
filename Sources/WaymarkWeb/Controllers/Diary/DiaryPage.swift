import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// A day or a week of one adviser's appointments, each day listed even when
/// nothing is booked, so a free afternoon is visible at a glance.
struct DiaryPage: PageModel {
    static let template = "diary"

    struct Link: Sendable {
        let label: String
        let href: String
        let current: Bool
    }

    struct Entry: Sendable {
        let time: String
        let name: String
        let link: String?
        let place: String
        let status: String
        let needsMarking: Bool
    }

    struct Day: Sendable {
        let heading: String
        let isToday: Bool
        let entries: [Entry]
        let hasEntries: Bool
    }

    let title: String
    let userName: String
    let role: String
    let csrf: String
    let heading: String
    let summary: String
    /// The period's appointments as a download, when it has any.
    var downloads: DownloadLinks?
    let days: [Day]
    let spans: [Link]
    let previous: Link
    let thisPeriod: Link
    let next: Link
    let owners: [Choice]
    let canChooseOwner: Bool
    let span: String
    let date: String

    init(diary: Diary, owners: [StoredUser], viewer: StaffContext, now: Date) {
        let today = CalendarDate.today(from: now)
        let own = diary.adviser.id == viewer.user.id
        let ownerParameter = own ? nil : diary.adviser.id
        let period = diary.period
        let whose = own ? "Your diary" : "Diary of \(diary.adviser.displayName)"
        title = whose
        userName = viewer.user.displayName
        role = viewer.user.role.displayName
        csrf = viewer.csrf
        heading = period.span == .day
            ? "\(period.first.weekdayName) \(period.first.longDescription)"
            : "Week beginning \(period.first.weekdayName) \(period.first.longDescription)"
        let count = diary.count
        let unit = count == 1 ? "appointment" : "appointments"
        summary = "\(whose): \(count.formatted()) \(unit) \(period.span == .day ? "this day" : "this week")."
        days = diary.days.map { day in
            let entries = day.entries.map { Self.entry($0, now: now) }
            return Day(heading: "\(day.date.weekdayName) \(day.date.longDescription)", isToday: day.date == today, entries: entries, hasEntries: !entries.isEmpty)
        }
        spans = DiaryPeriod.Span.allCases.map { span in
            Link(label: span == .day ? "Day" : "Week", href: Paths.diary(adviser: ownerParameter, DiaryPeriod(span, around: period.first)), current: span == period.span)
        }
        let noun = period.span == .day ? "day" : "week"
        previous = Link(label: "Previous \(noun)", href: Paths.diary(adviser: ownerParameter, period.previous), current: false)
        thisPeriod = Link(label: period.span == .day ? "Today" : "This week", href: Paths.diary(adviser: ownerParameter, DiaryPeriod(period.span, around: today)), current: period.contains(today))
        next = Link(label: "Next \(noun)", href: Paths.diary(adviser: ownerParameter, period.next), current: false)
        self.owners = owners.map { owner in
            Choice(value: String(owner.id), label: owner.id == viewer.user.id ? "Your own diary" : owner.displayName, selected: owner.id == diary.adviser.id)
        }
        canChooseOwner = owners.count > 1
        span = period.span.rawValue
        date = period.first.iso
    }

    private static func entry(_ entry: Diary.Entry, now: Date) -> Entry {
        let appointment = entry.appointment
        let status = NewAppointment.Status(rawValue: appointment.status)
        let past = Timestamp.parse(appointment.startsAt).map { $0 < now } ?? false
        return Entry(
            time: UKTime.clockTime(appointment.startsAt),
            name: entry.person.map { "\($0.givenName) \($0.familyName)" } ?? "A young person outside your records",
            link: entry.person.map { Paths.person($0.id, anchor: "appointments") },
            place: appointment.place.flatMap { $0.isEmpty ? nil : $0 } ?? "No place given",
            status: status.map(Self.label) ?? appointment.status,
            needsMarking: status == .booked && past)
    }

    private static func label(_ status: NewAppointment.Status) -> String {
        switch status {
        case .booked: "Booked"
        case .attended: "Attended"
        case .missed: "Missed"
        case .cancelled: "Cancelled"
        }
    }
}
