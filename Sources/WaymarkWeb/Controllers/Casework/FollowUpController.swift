import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Follow-ups and appointments from the record page: add one, mark it done,
/// record whether the young person came. A follow-up with problems comes
/// back on its form (422) naming the field; nothing is saved.
struct FollowUpController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.readRecords)
            .post("people/:id/follow-ups", use: add)
            .post("people/:id/follow-ups/:item/done", use: complete)
            .post("people/:id/appointments/:item", use: attendance)
        return routes
    }

    struct AttendanceForm: Decodable {
        var status: String?
    }

    private var casework: CaseworkDesk { services.app.casework }

    func add(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let (form, unread) = try await request.readForm(as: NewFollowUpForm.self, context: context)
        // Left with the young person's adviser when they have one, so it shows on that adviser's work today.
        let (followUp, found) = form.validated(today: CalendarDate.today(from: services.now()), assignee: record.placement.adviserID ?? context.user.id)
        var problems = unread
        problems.merge(found)
        guard let followUp, problems.isEmpty else {
            let frame = try await CaseworkFrame.load(record, form: "follow-up", context, services: services, problems: problems)
            return try templates.render(FollowUpPage(frame: frame, form: form, problems: problems), status: .unprocessableContent)
        }
        let shown = try await services.app.repeats.once(form.once, for: context.grant, at: services.now(), fallback: Paths.person(record.personID)) {
            try await casework.addFollowUp(followUp, on: record, at: services.now())
            return Paths.person(record.personID, saved: .followUp, anchor: "follow-ups")
        }
        return .redirect(to: shown, type: .normal)
    }

    func complete(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        guard let item = context.parameters.get("item", as: Int64.self) else { throw Self.notFound }
        try await casework.completeFollowUp(item, on: record, at: services.now())
        return .redirect(to: Paths.person(record.personID, saved: .followUpDone, anchor: "follow-ups"), type: .normal)
    }

    func attendance(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        guard let item = context.parameters.get("item", as: Int64.self) else { throw Self.notFound }
        let (form, unread) = try await request.readForm(as: AttendanceForm.self, context: context)
        guard let status = form.status.flatMap(NewAppointment.Status.init(rawValue:)), unread.isEmpty else {
            // Back to the record, the summary linking to this appointment's buttons.
            var problems = FormProblems()
            problems.add("appointment-\(item)", "Choose Attended or Missed for the appointment, or Cancel for one still to come")
            return try await PersonController.page(record.personID, context, services: services, templates: templates, problems: problems)
        }
        do {
            try await casework.setAttendance(status, ofAppointment: item, on: record, at: services.now())
        } catch Refusal.invalid(let why) {
            var problems = FormProblems()
            problems.add("appointment-\(item)", why)
            return try await PersonController.page(record.personID, context, services: services, templates: templates, problems: problems)
        }
        return .redirect(to: Paths.person(record.personID, saved: .appointment, anchor: "appointments"), type: .normal)
    }

    static let notFound = HTTPError(.notFound, message: "That follow-up or appointment is not on this young person's record.")
}
