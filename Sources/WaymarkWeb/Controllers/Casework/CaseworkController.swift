import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// Doing the work on a record: contacts and activity updates. Each save is
/// one transaction with its audit events; a form with problems saves nothing
/// and comes back with them (422), the entered values kept.
struct CaseworkController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get("people/:id/contacts/new", use: newContact)
            .post("people/:id/contacts", use: saveContact)
            .get("people/:id/activity/new", use: newActivity)
            .post("people/:id/activity", use: saveActivity)
    }

    func newContact(_ request: Request, context: WebContext) async throws -> Response {
        let record = try await EditableRecord.load(context, services: services)
        let form = ContactForm(occurredOn: today.iso, direction: "outbound")
        return try templates.render(ContactPage(frame: try await frame(record, context, FormProblems()), form: form, problems: FormProblems()))
    }

    func saveContact(_ request: Request, context: WebContext) async throws -> Response {
        let record = try await EditableRecord.load(context, services: services)
        let form = try await request.decodeForm(as: ContactForm.self, context: context)
        let (checked, problems) = form.validated(today: today, now: services.now(), adviserID: record.user.id)
        guard let checked, problems.isEmpty else {
            return try templates.render(ContactPage(frame: try await frame(record, context, problems), form: form, problems: problems), status: .unprocessableContent)
        }
        // The contact, its follow-up and its appointment are saved together or not at all.
        try await services.store.change(by: .user(record.user.id), at: services.now()) { tx in
            try await tx.recordContact(checked.contact, for: record.personID)
            if let followUp = checked.followUp { try await tx.addFollowUp(followUp, for: record.personID) }
            if let appointment = checked.appointment { try await tx.bookAppointment(appointment, for: record.personID) }
        }
        context.logger.info("contact recorded", metadata: ["person": "\(record.personID)"])
        return .redirect(to: "/people/\(record.personID)?saved=contact", type: .normal)
    }

    func newActivity(_ request: Request, context: WebContext) async throws -> Response {
        let record = try await EditableRecord.load(context, services: services)
        let form = ActivityForm(dateAscertained: today.iso)
        return try templates.render(ActivityPage(frame: try await frame(record, context, FormProblems()), form: form, problems: FormProblems()))
    }

    func saveActivity(_ request: Request, context: WebContext) async throws -> Response {
        let record = try await EditableRecord.load(context, services: services)
        let form = try await request.decodeForm(as: ActivityForm.self, context: context)
        let person = try await bundle(record)
        let (activity, problems) = form.validated(person: Self.personContext(person, on: today), today: today)
        guard let activity, problems.isEmpty else {
            let page = ActivityPage(frame: CaseworkFrame(user: record.user, csrf: context.csrfToken ?? "", person: person, problems: problems), form: form, problems: problems)
            return try templates.render(page, status: .unprocessableContent)
        }
        try await services.store.change(by: .user(record.user.id), at: services.now()) { tx in
            try await tx.recordActivity(activity, for: record.personID)
        }
        context.logger.info("activity recorded", metadata: ["person": "\(record.personID)", "code": "\(activity.code.rawValue)"])
        return .redirect(to: "/people/\(record.personID)?saved=activity", type: .normal)
    }

    static func personContext(_ person: PersonBundle, on date: CalendarDate) -> PersonContext? {
        person.ruleContext(on: date)
    }

    private var today: CalendarDate { CalendarDate.today(from: services.now()) }

    private func bundle(_ record: EditableRecord) async throws -> PersonBundle {
        guard let person = try await PersonBundleReader(store: services.store, registry: services.registry)
            .person(record.personID, responsibleLA: record.scope.laCode)
        else { throw HTTPError(.notFound, message: "There is no young person with that id in the records you can see.") }
        return person
    }

    private func frame(_ record: EditableRecord, _ context: WebContext, _ problems: FormProblems) async throws -> CaseworkFrame {
        CaseworkFrame(user: record.user, csrf: context.csrfToken ?? "", person: try await bundle(record), problems: problems)
    }
}
