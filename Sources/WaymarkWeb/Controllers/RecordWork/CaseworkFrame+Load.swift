import Hummingbird
import WaymarkApp
import WaymarkRecords
import WaymarkStore

extension CaseworkFrame {
    /// The frame of a form page for a record the user may change.
    static func load(_ record: EditableRecord, _ context: WebContext, services: WebServices, problems: FormProblems) async throws -> CaseworkFrame {
        guard let person = try await PersonBundleReader(store: services.store, registry: services.registry)
            .person(record.personID, responsibleLA: record.scope.laCode)
        else { throw HTTPError(.notFound, message: "There is no young person with that id in the records you can see.") }
        return CaseworkFrame(user: record.user, csrf: context.csrfToken ?? "", person: person, problems: problems)
    }
}
