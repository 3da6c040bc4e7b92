import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore

/// "Add a young person": the form; on submit, the records that might already
/// be them; on confirmation that none is, the new record. The form's
/// one-time token makes a double submit add one person.
struct NewPersonController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.addPeople)
            .get("people/new", use: show)
            .post("people/new", use: submit)
        return routes
    }

    private var desk: NewPersonDesk { services.app.newPeople }
    private var today: CalendarDate { CalendarDate.today(from: services.now()) }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        try templates.render(NewPersonPage(user: context.user, csrf: context.csrf, form: NewPersonForm(), once: nil, problems: FormProblems(), today: today))
    }

    func submit(_ request: Request, context: StaffContext) async throws -> Response {
        let (form, unread) = try await request.readForm(as: NewPersonForm.self, context: context)
        let (entry, found) = form.validated(today: today)
        var problems = unread
        problems.merge(found)
        guard let entry, problems.isEmpty, form.edit == nil else {
            let page = NewPersonPage(user: context.user, csrf: context.csrf, form: form, once: form.once, problems: problems, today: today)
            return try templates.render(page, status: problems.isEmpty ? .ok : .unprocessableContent)
        }
        if form.confirmed != "none" {
            let matches = try await desk.possibleMatches(entry, for: context.grant, at: services.now())
            context.logger.info("new person checked", metadata: ["possible": "\(matches.count)"])
            if !matches.isEmpty {
                return try templates.render(
                    NewPersonPage(user: context.user, csrf: context.csrf, form: form, once: form.once, entry: entry, matches: matches, today: today))
            }
        }
        let shown = try await services.app.repeats.once(form.once, for: context.grant, at: services.now(), fallback: Paths.search(query: entry.familyName)) {
            let id = try await desk.create(entry, for: context.grant, at: services.now())
            context.logger.info("young person entered by hand", metadata: ["person": "\(id)"])
            return Paths.person(id, saved: .personAdded)
        }
        return .redirect(to: shown, type: .normal)
    }
}
