import Foundation
import WaymarkRecords

/// "Book an appointment", on its own page (the contact form can also book one).
struct BookAppointmentForm: Decodable, Sendable {
    var appointmentOn: DateEntry?
    var appointmentAt: String?
    var appointmentPlace: String?
    var once: String?
    enum CodingKeys: String, CodingKey {
        case appointmentOn = "appointment-on", appointmentAt = "appointment-at", appointmentPlace = "appointment-place", once
    }

    func validated(now: Date, userID: Int64) -> (NewAppointment?, FormProblems) {
        var problems = FormProblems()
        let appointment = AppointmentFields(on: appointmentOn, at: appointmentAt, place: appointmentPlace)
            .validated(required: true, now: now, adviserID: userID, problems: &problems)
        return (problems.isEmpty ? appointment : nil, problems)
    }
}

/// The page of the "Book an appointment" form.
struct AppointmentPage: PageModel {
    static let template = "record-appointment"

    let title: String
    let frame: CaseworkFrame
    let appointmentOn: DateFieldView
    let appointmentAt: FieldView
    let appointmentPlace: FieldView

    init(frame: CaseworkFrame, form: BookAppointmentForm, problems: FormProblems) {
        title = "Book an appointment – \(frame.personName)"
        self.frame = frame
        appointmentOn = DateFieldView(form.appointmentOn, "appointment-on", legend: "Date", example: DateFieldView.aheadExample, problems)
        appointmentAt = FieldView(form.appointmentAt, "appointment-at", problems)
        appointmentPlace = FieldView(form.appointmentPlace, "appointment-place", problems)
    }
}
