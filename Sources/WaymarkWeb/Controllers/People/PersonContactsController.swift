import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Parents, carers and other professionals on a young person's record:
/// listed for those who see contact details, added, changed and ended
/// (kept, with the day) by those who may change the record. The log
/// carries the record's and the contact's ids only.
struct PersonContactsController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.readRecords)
            .get("people/:id/family-and-professionals", use: show)
            .post("people/:id/family-and-professionals", use: add)
            .get("people/:id/family-and-professionals/:contact/edit", use: edit)
            .post("people/:id/family-and-professionals/:contact", use: update)
            .post("people/:id/family-and-professionals/:contact/end", use: end)
        return routes
    }

    private var desk: PersonContactsDesk { services.app.personContacts }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let saved = request.uri.queryParameters.get("saved").flatMap { SavedNotice(rawValue: String($0)) }
        return try await page(try personID(context), context, form: PersonContactForm(), editing: nil, problems: FormProblems(), saved: saved)
    }

    func add(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let (form, unread) = try await request.readForm(as: PersonContactForm.self, context: context)
        let (contact, found) = form.validated(allowed: PersonContactsDesk.relationships(record.visible))
        var problems = unread
        problems.merge(found)
        guard let contact, problems.isEmpty else { return try await page(record.personID, context, form: form, editing: nil, problems: problems) }
        let shown = try await services.app.repeats.once(form.once, for: context.grant, at: services.now(), fallback: Paths.personContacts(record.personID)) {
            let id = try await desk.add(contact, on: record, at: services.now())
            context.logger.info("person contact added", metadata: ["person": "\(record.personID)", "contact": "\(id)"])
            return Paths.personContacts(record.personID, saved: .personContact)
        }
        return .redirect(to: shown, type: .normal)
    }

    func edit(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let id = try contactID(context)
        let stored = try await desk.contact(id, on: record, at: services.now())
        return try await page(record.personID, context, form: PersonContactForm(stored.details), editing: stored, problems: FormProblems())
    }

    func update(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let id = try contactID(context)
        let (form, unread) = try await request.readForm(as: PersonContactForm.self, context: context)
        let (contact, found) = form.validated(allowed: PersonContactsDesk.relationships(record.visible))
        var problems = unread
        problems.merge(found)
        guard let contact, problems.isEmpty else {
            let stored = try await desk.contact(id, on: record, at: services.now())
            return try await page(record.personID, context, form: form, editing: stored, problems: problems)
        }
        try await desk.update(id, to: contact, on: record, at: services.now())
        context.logger.info("person contact changed", metadata: ["person": "\(record.personID)", "contact": "\(id)"])
        return .redirect(to: Paths.personContacts(record.personID, saved: .personContactChanged), type: .normal)
    }

    func end(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let id = try contactID(context)
        try await desk.end(id, on: record, at: services.now())
        context.logger.info("person contact ended", metadata: ["person": "\(record.personID)", "contact": "\(id)"])
        return .redirect(to: Paths.personContacts(record.personID, saved: .personContactEnded), type: .normal)
    }

    private func personID(_ context: StaffContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else {
            throw HTTPError(.notFound, message: "There is no young person with that id in the records you can see.")
        }
        return id
    }

    private func contactID(_ context: StaffContext) throws -> Int64 {
        guard let id = context.parameters.get("contact", as: Int64.self) else {
            throw HTTPError(.notFound, message: "That contact is not current on this young person's record.")
        }
        return id
    }

    private func page(
        _ personID: Int64, _ context: StaffContext, form: PersonContactForm, editing: StoredPersonContact?, problems: FormProblems, saved: SavedNotice? = nil
    ) async throws -> Response {
        let view = try await desk.contacts(of: personID, for: context.grant, at: services.now())
        let frame = CaseworkFrame(user: context.user, csrf: context.csrf, personID: personID, personName: view.personName, problems: problems)
        let base = Paths.personContacts(personID)
        let formView = PersonContactFormView(
            action: editing.map { "\(base)/\($0.id)" } ?? base,
            heading: editing.map { "Change \($0.details.name)’s details" } ?? "Add a parent, carer or professional",
            button: editing == nil ? "Add contact" : "Save changes", form: form, allowed: view.relationships, problems: problems, open: editing != nil)
        let page = PersonContactsPage(view: view, frame: frame, form: formView, saved: saved)
        return try templates.render(page, status: problems.isEmpty ? .ok : .unprocessableContent)
    }
}
