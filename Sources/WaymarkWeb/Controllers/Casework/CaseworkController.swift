import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Doing the work on a record: contacts and activity updates. Each save is
/// one transaction with its audit events; a form with problems saves nothing
/// and comes back with them (422), the entered values kept.
struct CaseworkController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.readRecords)
            .get("people/:id/contacts/new", use: newContact)
            .post("people/:id/contacts", use: saveContact)
            .get("people/:id/activity/new", use: newActivity)
            .post("people/:id/activity", use: saveActivity)
        return routes
    }

    private var casework: CaseworkDesk { services.app.casework }

    func newContact(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let form = ContactForm(occurredOn: DateEntry(today), direction: "outbound")
        let frame = try await CaseworkFrame.load(record, form: "contact", context, services: services, problems: FormProblems())
        return try templates.render(ContactPage(frame: frame, form: form, problems: FormProblems()))
    }

    func saveContact(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let (form, unread) = try await request.readForm(as: ContactForm.self, context: context)
        let (checked, found) = form.validated(today: today, now: services.now(), adviserID: context.user.id)
        var problems = unread
        problems.merge(found)
        guard let checked, problems.isEmpty else {
            let frame = try await CaseworkFrame.load(record, form: "contact", context, services: services, problems: problems)
            return try templates.render(ContactPage(frame: frame, form: form, problems: problems), status: .unprocessableContent)
        }
        let shown = try await services.app.repeats.once(form.once, for: context.grant, at: services.now(), fallback: Paths.person(record.personID)) {
            try await casework.recordContact(checked.contact, followUp: checked.followUp, appointment: checked.appointment, on: record, at: services.now())
            context.logger.info("contact recorded", metadata: ["person": "\(record.personID)"])
            return Paths.person(record.personID, saved: .contact)
        }
        return .redirect(to: shown, type: .normal)
    }

    func newActivity(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        // The first step is a GET form: choosing the activity saves nothing, and the second step's address can be bookmarked.
        let asked = request.uri.queryParameters.get("code").map { String($0) }
        let form = ActivityForm(code: asked, dateAscertained: DateEntry(today))
        var problems = FormProblems()
        if asked != nil, form.activityCode == nil { problems.add("code", "Choose the activity from the list") }
        let frame = try await CaseworkFrame.load(record, form: "activity", context, services: services, problems: problems)
        return try templates.render(ActivityPage(frame: frame, form: form, problems: problems))
    }

    func saveActivity(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services)
        let (form, unread) = try await request.readForm(as: ActivityForm.self, context: context)
        let (activity, found) = form.validated(person: try await casework.ruleContext(record, on: today), today: today)
        var problems = unread
        problems.merge(found)
        guard let activity, problems.isEmpty else {
            let frame = try await CaseworkFrame.load(record, form: "activity", context, services: services, problems: problems)
            return try templates.render(ActivityPage(frame: frame, form: form, problems: problems), status: .unprocessableContent)
        }
        let shown = try await services.app.repeats.once(form.once, for: context.grant, at: services.now(), fallback: Paths.person(record.personID)) {
            try await casework.recordActivity(activity, on: record, at: services.now())
            context.logger.info("activity recorded", metadata: ["person": "\(record.personID)", "code": "\(activity.code.rawValue)"])
            return Paths.person(record.personID, saved: .activity)
        }
        return .redirect(to: shown, type: .normal)
    }

    private var today: CalendarDate { CalendarDate.today(from: services.now()) }
}
