import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkStore

/// The checks every change to a young person's record starts with: signed in,
/// the record in the user's scope (else 404, like an unknown id), and the
/// user allowed to change it (else 403 with the reason).
struct EditableRecord: Sendable {
    let user: StoredUser
    let scope: RecordScope
    let placement: CaseloadPlacement

    var personID: Int64 { placement.personID }
    /// The sensitivity classes the user sees, and so may record.
    var visible: Set<SensitivityClass> { AccessGrant(user: user, scope: scope).visibleClasses }

    enum Need { case change, assign }

    static func load(_ context: WebContext, services: WebServices, need: Need = .change) async throws -> EditableRecord {
        let (user, scope) = try context.require(.readRecords)
        guard let id = context.parameters.get("id", as: Int64.self),
            let placement = try await CaseloadLookup(store: services.store).placement(of: id, in: scope)
        else { throw HTTPError(.notFound, message: "There is no young person with that id in the records you can see.") }
        switch need {
        case .change:
            guard AccessPolicy.mayChange(user, personAdviserID: placement.adviserID) else {
                throw HTTPError(
                    .forbidden,
                    message: user.role == .personalAdviser
                        ? "This young person is not on your caseload, so you can read their record but not change it. Ask their adviser or a tracking officer."
                        : "Your role (\(user.role.displayName)) can read this record but not change it.")
            }
        case .assign:
            guard AccessPolicy.allows(user.role, .assignCaseload) else {
                throw HTTPError(.forbidden, message: "Only managers and data managers assign advisers, tiers and levels of need.")
            }
        }
        return EditableRecord(user: user, scope: scope, placement: placement)
    }
}
