import WaymarkApp
import WaymarkRecords

/// The main navigation for the signed-in user: only the places their role
/// can open. Set for the duration of a request by ``SessionMiddleware`` and
/// spliced into the layout by ``Templates``, so page models need not carry it.
struct Navigation: Sendable {
    struct Item: Sendable {
        let label: String
        let href: String
    }

    @TaskLocal static var current: Navigation?

    let role: Role
    let items: [Item]
    let canSearch: Bool

    init(role: Role) {
        self.role = role
        var items = [Item(label: "Home", href: Paths.home)]
        if AccessPolicy.allows(role, .changeOwnCaseload) || AccessPolicy.allows(role, .teamOverview) {
            items.append(Item(label: "Diary", href: Paths.diary))
        }
        if AccessPolicy.allows(role, .schoolPortal) {
            items.append(Item(label: "Destinations", href: Paths.portalDestinations))
            items.append(Item(label: "Pupils and students", href: "/portal/students"))
            items.append(Item(label: "Risk of NEET", href: Paths.portalRisk))
        }
        if AccessPolicy.allows(role, .makeReferrals) || AccessPolicy.allows(role, .workReferrals) {
            items.append(Item(label: "Referrals", href: Paths.referrals))
        }
        if AccessPolicy.allows(role, .teamOverview) { items.append(Item(label: "Distance travelled", href: Paths.distanceTravelled)) }
        if AccessPolicy.allows(role, .figures) { items.append(Item(label: "Figures", href: Paths.figures)) }
        if AccessPolicy.allows(role, .activitySurvey) { items.append(Item(label: "Activity survey", href: Paths.activitySurvey)) }
        if AccessPolicy.allows(role, .workQueues) {
            items.append(Item(label: "Queues", href: Paths.queues))
            items.append(Item(label: "Campaigns", href: Paths.campaigns))
            items.append(Item(label: "Answers", href: Paths.answers))
        }
        if AccessPolicy.allows(role, .resolveMatches) {
            items.append(Item(label: "Imports", href: Paths.imports))
            items.append(Item(label: "Exceptions", href: Paths.exceptions))
        }
        if AccessPolicy.allows(role, .statutoryReturns) { items.append(Item(label: "Returns", href: Paths.returns)) }
        if AccessPolicy.allows(role, .transferPeople) { items.append(Item(label: "Transfers", href: "/transfers")) }
        if AccessPolicy.allows(role, .riskLists) { items.append(Item(label: "Risk of NEET", href: Paths.riskSchools)) }
        if AccessPolicy.allows(role, .riskModel) { items.append(Item(label: "Risk model", href: Paths.riskBackTest)) }
        if AccessPolicy.allows(role, .reviewAccess) { items.append(Item(label: "Data protection", href: Paths.breakGlassReview)) }
        if AccessPolicy.allows(role, .manageDataFlows) { items.append(Item(label: "Data flows", href: Paths.dataFlows)) }
        if AccessPolicy.allows(role, .runRetention) { items.append(Item(label: "Retention", href: Paths.retention)) }
        if AccessPolicy.allows(role, .manageUsers) { items.append(Item(label: "Users", href: Paths.users)) }
        if AccessPolicy.allows(role, .manageUsers) { items.append(Item(label: "API clients", href: Paths.apiClients)) }
        items.append(Item(label: "Your password", href: Paths.password))
        self.items = items
        canSearch = AccessPolicy.allows(role, .readRecords)
    }
}
