import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The date, time and place of an appointment, as typed on the contact form
/// and the booking form. Both or neither of date and time: half an
/// appointment is a mistake to point out, not to guess.
struct AppointmentFields: Sendable {
    var on: DateEntry?
    var at: String?
    var place: String?

    static let placeLimit = 120
    /// An appointment further ahead than this is almost always a mistyped year.
    static let furthestAheadDays = 366

    /// The appointment, nil when none was asked for (or the fields have problems, which are added).
    func validated(required: Bool, now: Date, adviserID: Int64, problems: inout FormProblems) -> NewAppointment? {
        let timeText = at?.trimmingCharacters(in: .whitespaces) ?? ""
        let placeText = problems.text(place, field: "appointment-place", label: "the place", required: false, maxLength: Self.placeLimit)
        let dateBlank = on?.isBlank ?? true
        let date = problems.date(on, field: "appointment-on", label: "the date of the appointment", required: false)
        if dateBlank, timeText.isEmpty {
            if required { problems.add("appointment-on", "Enter the date of the appointment") }
            if placeText != nil, !required { problems.add("appointment-on", "Enter the date and time of the appointment, or leave the place empty") }
            return nil
        }
        if dateBlank { problems.add("appointment-on", "Enter the date of the appointment") }
        var clock: (hour: Int, minute: Int)?
        if timeText.isEmpty {
            problems.add("appointment-at", "Enter the time of the appointment, like 14:30")
        } else {
            clock = UKTime.clock(timeText)
            if clock == nil { problems.add("appointment-at", "The time of the appointment must be a real time on the 24-hour clock, like 14:30") }
        }
        guard let date, let clock, let startsAt = UKTime.instant(on: date, hour: clock.hour, minute: clock.minute) else { return nil }
        if startsAt < now {
            problems.add("appointment-on", "The appointment must be in the future: record a meeting that has happened as a contact")
            return nil
        }
        if date > CalendarDate.today(from: now).adding(days: Self.furthestAheadDays) {
            problems.add("appointment-on", "The appointment must be within the next 12 months")
            return nil
        }
        return NewAppointment(startsAt: startsAt, place: placeText, userID: adviserID)
    }
}
