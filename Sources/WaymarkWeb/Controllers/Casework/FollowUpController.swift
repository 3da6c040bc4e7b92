import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// Follow-ups and appointments from the record page: add one, mark it done,
/// record whether the young person came. A follow-up with problems comes
/// back on its form (422) naming the field; nothing is saved.
struct FollowUpController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .post("people/:id/follow-ups", use: add)
            .post("people/:id/follow-ups/:item/done", use: complete)
            .post("people/:id/appointments/:item", use: attendance)
    }

    struct AttendanceForm: Decodable {
        var status: String?
    }

    func add(_ request: Request, context: WebContext) async throws -> Response {
        let record = try await EditableRecord.load(context, services: services)
        let form = try await request.decodeForm(as: NewFollowUpForm.self, context: context)
        // Left with the young person's adviser when they have one, so it shows on that adviser's work today.
        let (followUp, problems) = form.validated(today: CalendarDate.today(from: services.now()), assignee: record.placement.adviserID ?? record.user.id)
        guard let followUp, problems.isEmpty else {
            let frame = try await CaseworkFrame.load(record, context, services: services, problems: problems)
            return try templates.render(FollowUpPage(frame: frame, form: form, problems: problems), status: .unprocessableContent)
        }
        try await services.store.change(by: .user(record.user.id), at: services.now()) { tx in
            try await tx.addFollowUp(followUp, for: record.personID)
        }
        return .redirect(to: "/people/\(record.personID)?saved=follow-up#follow-ups", type: .normal)
    }

    func complete(_ request: Request, context: WebContext) async throws -> Response {
        let record = try await EditableRecord.load(context, services: services)
        guard let item = context.parameters.get("item", as: Int64.self) else { throw Self.notFound }
        do {
            try await services.store.change(by: .user(record.user.id), at: services.now()) { tx in
                try await tx.completeFollowUp(id: item, for: record.personID)
            }
        } catch StoreError.notFound { throw Self.notFound }
        return .redirect(to: "/people/\(record.personID)?saved=follow-up-done#follow-ups", type: .normal)
    }

    func attendance(_ request: Request, context: WebContext) async throws -> Response {
        let record = try await EditableRecord.load(context, services: services)
        guard let item = context.parameters.get("item", as: Int64.self) else { throw Self.notFound }
        let form = try await request.decodeForm(as: AttendanceForm.self, context: context)
        guard let status = form.status.flatMap(NewAppointment.Status.init(rawValue:)), status != .booked else {
            throw HTTPError(.unprocessableContent, message: "Choose whether the young person attended or missed the appointment, or cancel it (the field 'status').")
        }
        guard let appointment = try await CaseworkQueries(store: services.store).appointments(of: record.personID, limit: 1_000).first(where: { $0.id == item })
        else { throw Self.notFound }
        // Attendance is a fact about the past: a booking still to come can only be cancelled.
        if status != .cancelled, let startsAt = Timestamp.parse(appointment.startsAt), startsAt > services.now() {
            throw HTTPError(.unprocessableContent, message: "This appointment has not happened yet, so it cannot be marked \(status.rawValue). You can cancel it.")
        }
        do {
            try await services.store.change(by: .user(record.user.id), at: services.now()) { tx in
                try await tx.setAppointmentStatus(id: item, for: record.personID, to: status)
            }
        } catch StoreError.notFound { throw Self.notFound }
        return .redirect(to: "/people/\(record.personID)?saved=appointment#appointments", type: .normal)
    }

    static let notFound = HTTPError(.notFound, message: "That follow-up or appointment is not on this young person's record.")
}
