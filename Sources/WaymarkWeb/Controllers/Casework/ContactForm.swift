import Foundation
import WaymarkCore
import WaymarkRecords

/// "Record a contact": what happened, how, and what comes next.
struct ContactForm: Decodable, Sendable {
    var occurredOn: DateEntry?
    var method: String?
    var direction: String?
    var outcome: String?
    var notes: String?
    var nextStep: String?
    var followUpOn: DateEntry?
    var appointmentOn: DateEntry?
    var appointmentAt: String?
    var appointmentPlace: String?
    var once: String?

    enum CodingKeys: String, CodingKey {
        case occurredOn = "occurred-on", method, direction, outcome, notes, once
        case nextStep = "next-step", followUpOn = "follow-up-on"
        case appointmentOn = "appointment-on", appointmentAt = "appointment-at", appointmentPlace = "appointment-place"
    }

    /// What one "Save contact" writes, in one transaction.
    struct Checked: Sendable {
        let contact: NewContact
        let followUp: NewFollowUp?
        let appointment: NewAppointment?
    }

    static let outcomeLimit = 200
    static let notesLimit = 4_000
    static let nextStepLimit = 500

    /// The contact (with the follow-up and appointment, if dates were given) to save, or the problems.
    func validated(today: CalendarDate, now: Date, adviserID: Int64) -> (Checked?, FormProblems) {
        var problems = FormProblems()
        let occurredOn = problems.date(occurredOn, field: "occurred-on", label: "the date of the contact", required: true)
        if let occurredOn, occurredOn > today { problems.add("occurred-on", "The date of the contact cannot be in the future") }
        let method = NewContact.Method(rawValue: method ?? "")
        if method == nil { problems.add("method", "Choose how the contact was made") }
        let direction = NewContact.Direction(rawValue: direction ?? "")
        if direction == nil { problems.add("direction", "Choose who made the contact") }
        let outcome = problems.text(outcome, field: "outcome", label: "what happened", required: true, maxLength: Self.outcomeLimit)
        let notes = problems.text(notes, field: "notes", label: "the notes", required: false, maxLength: Self.notesLimit)
        let nextStep = problems.text(nextStep, field: "next-step", label: "the next step", required: false, maxLength: Self.nextStepLimit)
        let followUpOn = problems.date(followUpOn, field: "follow-up-on", label: "the follow-up date", required: false)
        if let followUpOn, followUpOn < today { problems.add("follow-up-on", "The follow-up date must be today or later") }
        let appointment = AppointmentFields(on: appointmentOn, at: appointmentAt, place: appointmentPlace)
            .validated(required: false, now: now, adviserID: adviserID, problems: &problems)
        guard problems.isEmpty, let occurredOn, let method, let direction, let outcome else { return (nil, problems) }
        // A contact today keeps its time; an earlier one is placed at midday (UK time) of its day.
        let occurredAt = occurredOn == today ? now : UKTime.instant(on: occurredOn, hour: 12, minute: 0) ?? now
        let contact = NewContact(occurredAt: occurredAt, method: method, direction: direction, outcome: outcome, summary: notes, nextStep: nextStep)
        let followUp = followUpOn.map { NewFollowUp(dueOn: $0, description: nextStep ?? "Follow up the contact of \(occurredOn.longDescription)", assignedUserID: adviserID) }
        return (Checked(contact: contact, followUp: followUp, appointment: appointment), problems)
    }
}
