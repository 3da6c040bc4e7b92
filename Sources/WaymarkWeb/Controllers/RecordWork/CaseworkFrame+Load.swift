import Hummingbird
import WaymarkApp

extension CaseworkFrame {
    /// The frame of a form page for a record the user may change; the casework desk audits the view with the form's name.
    static func load(
        _ record: RecordForChange, form: String, _ context: StaffContext, services: WebServices, problems: FormProblems
    ) async throws -> CaseworkFrame {
        let person = try await services.app.casework.person(record, form: form, at: services.now())
        return CaseworkFrame(user: context.user, csrf: context.csrf, person: person, problems: problems)
    }
}

extension StaffContext {
    /// The record named by the route's `:id`, checked for the change the user means to make.
    func recordForChange(_ services: WebServices, need: ChangeNeed = .change) async throws -> RecordForChange {
        guard let id = parameters.get("id", as: Int64.self) else {
            throw HTTPError(.notFound, message: "There is no young person with that id in the records you can see.")
        }
        return try await services.app.casework.forChange(id, need: need, for: grant)
    }
}
