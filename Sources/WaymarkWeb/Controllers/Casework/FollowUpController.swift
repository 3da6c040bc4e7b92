import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkStore

/// Follow-ups and appointments from the record page: add one, mark it done,
/// record whether the young person came. Problems come back as a 422 page
/// naming the field; nothing is saved.
struct FollowUpController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .post("people/:id/follow-ups", use: add)
            .post("people/:id/follow-ups/:item/done", use: complete)
            .post("people/:id/appointments/:item", use: attendance)
    }

    struct FollowUpForm: Decodable {
        var dueOn: String?
        var description: String?
        enum CodingKeys: String, CodingKey { case dueOn = "due-on", description }
    }

    struct AttendanceForm: Decodable {
        var status: String?
    }

    func add(_ request: Request, context: WebContext) async throws -> Response {
        let record = try await EditableRecord.load(context, services: services)
        let form = try await request.decode(as: FollowUpForm.self, context: context)
        var problems = FormProblems()
        let today = CalendarDate.today(from: services.now())
        let due = problems.date(form.dueOn, field: "due-on", label: "the date it is due", required: true)
        if let due, due < today { problems.add("due-on", "A new follow-up cannot be due in the past") }
        let description = problems.text(form.description, field: "description", label: "what needs doing", required: true, maxLength: 500)
        guard problems.isEmpty, let due, let description else {
            throw HTTPError(.unprocessableContent, message: problems.all.map(\.message).joined(separator: ". ") + ". Go back and try again.")
        }
        let assignee = record.placement.adviserID ?? record.user.id
        try await services.store.change(by: .user(record.user.id), at: services.now()) { tx in
            try await tx.addFollowUp(NewFollowUp(dueOn: due, description: description, assignedUserID: assignee), for: record.personID)
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
        let form = try await request.decode(as: AttendanceForm.self, context: context)
        guard let status = form.status.flatMap(NewAppointment.Status.init(rawValue:)) else {
            throw HTTPError(.unprocessableContent, message: "status: choose attended, missed or cancelled.")
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
