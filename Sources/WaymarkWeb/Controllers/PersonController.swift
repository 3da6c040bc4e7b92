import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkStore

/// The young person's record: one page a personal adviser can read before a
/// meeting. Every view is written to the audit trail.
struct PersonController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self).get("people/:id", use: show)
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.readRecords)
        let notFound = HTTPError(.notFound, message: "There is no young person with that id in the records you can see.")
        guard let id = context.parameters.get("id", as: Int64.self),
            try await CaseloadLookup(store: services.store).placement(of: id, in: scope) != nil
        else { throw notFound }
        let reader = PersonBundleReader(store: services.store, registry: services.registry)
        guard let person = try await reader.person(id, responsibleLA: services.laCode.code) else { throw notFound }
        async let activities = PersonQueries(store: services.store, registry: services.registry).activities(of: id)
        async let contacts = CaseworkQueries(store: services.store).contacts(of: id)
        async let details = CaseworkQueries(store: services.store).contactDetails(of: id)
        let page = PersonPage(
            user: user, csrf: context.csrfToken ?? "", person: person, activities: try await activities, contacts: try await contacts,
            details: try await details, today: CalendarDate.today(from: services.now()), classifier: services.classifier,
            registry: services.registry)
        try await services.store.change(by: .user(user.id), at: services.now()) { tx in
            try await tx.audit(.view, entity: "young_person", entityID: id, personID: id)
        }
        return try templates.render(page)
    }
}
