import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords
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
        guard let id = context.parameters.get("id", as: Int64.self) else { throw notFound }
        guard let placement = try await CaseloadLookup(store: services.store).placement(of: id, in: scope) else {
            // A merged record's old links lead to the record it was merged into, if that one is in scope.
            if let kept = try await MergeQueries(store: services.store).keptPerson(for: id),
                try await CaseloadLookup(store: services.store).placement(of: kept, in: scope) != nil
            {
                return .redirect(to: "/people/\(kept)", type: .normal)
            }
            throw notFound
        }
        let reader = PersonBundleReader(store: services.store, registry: services.registry)
        guard let person = try await reader.person(id, responsibleLA: scope.laCode) else { throw notFound }
        let casework = CaseworkQueries(store: services.store)
        async let activities = PersonQueries(store: services.store, registry: services.registry).activities(of: id)
        async let contacts = casework.contacts(of: id)
        async let details = casework.contactDetails(of: id)
        async let followUps = casework.openFollowUps(of: id)
        async let appointments = casework.appointments(of: id)
        let (contactList, appointmentList) = try await (contacts, appointments)
        let people = Set(contactList.compactMap(\.recordedBy) + appointmentList.map(\.userID) + [placement.adviserID].compactMap { $0 })
        let names = try await casework.userNames(people)
        let page = PersonPage(
            user: user, csrf: context.csrfToken ?? "", person: person, activities: try await activities, contacts: contactList,
            details: try await details, today: CalendarDate.today(from: services.now()), classifier: services.classifier,
            registry: services.registry,
            work: PersonPage.Work(
                placement: placement, names: names, followUps: try await followUps, appointments: appointmentList,
                canChange: AccessPolicy.mayChange(user, personAdviserID: placement.adviserID),
                canAssign: AccessPolicy.allows(user.role, .assignCaseload),
                saved: request.uri.queryParameters.get("saved").map { String($0) }, now: services.now(),
                merges: AccessPolicy.allows(user.role, .resolveMatches) ? try await MergeQueries(store: services.store).merges(into: id) : []))
        try await services.store.change(by: .user(user.id), at: services.now()) { tx in
            try await tx.audit(.view, entity: "young_person", entityID: id, personID: id)
        }
        return try templates.render(page)
    }
}
