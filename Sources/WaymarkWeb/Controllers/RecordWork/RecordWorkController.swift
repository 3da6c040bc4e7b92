import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The form pages for follow-ups and appointments on a record (saving a
/// follow-up, marking it done and recording attendance are in
/// ``FollowUpController``). A booking with problems comes back with them
/// (422) and saves nothing.
struct RecordWorkController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.readRecords)
            .get("people/:id/follow-ups/new", use: newFollowUp)
            .get("people/:id/appointments/new", use: newAppointment)
            .post("people/:id/appointments", use: bookAppointment)
        return routes
    }

    func newFollowUp(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let form = NewFollowUpForm(dueOn: DateEntry(CalendarDate.today(from: services.now()).adding(days: 7)), description: nil)
        let frame = try await CaseworkFrame.load(record, form: "follow-up", context, services: services, problems: FormProblems())
        return try templates.render(FollowUpPage(frame: frame, form: form, problems: FormProblems()))
    }

    func newAppointment(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let frame = try await CaseworkFrame.load(record, form: "appointment", context, services: services, problems: FormProblems())
        return try templates.render(AppointmentPage(frame: frame, form: BookAppointmentForm(), problems: FormProblems()))
    }

    func bookAppointment(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let (form, unread) = try await request.readForm(as: BookAppointmentForm.self, context: context)
        let (appointment, found) = form.validated(now: services.now(), userID: context.user.id)
        var problems = unread
        problems.merge(found)
        guard let appointment, problems.isEmpty else {
            let frame = try await CaseworkFrame.load(record, form: "appointment", context, services: services, problems: problems)
            return try templates.render(AppointmentPage(frame: frame, form: form, problems: problems), status: .unprocessableContent)
        }
        let shown = try await services.app.repeats.once(form.once, for: context.grant, at: services.now(), fallback: Paths.person(record.personID)) {
            let id = try await services.app.casework.bookAppointment(appointment, on: record, at: services.now())
            context.logger.info("appointment booked", metadata: ["person": "\(record.personID)", "appointment": "\(id)"])
            return Paths.person(record.personID, saved: .appointmentBooked, anchor: "appointments")
        }
        return .redirect(to: shown, type: .normal)
    }
}
