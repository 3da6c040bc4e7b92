import WaymarkApp
import WaymarkCore
import WaymarkRecords

struct QueuesPage: PageModel {
    static let template = "queues"

    struct Tab: Sendable {
        let label: String
        let link: String
        let current: Bool
    }

    struct Row: Sendable {
        let id: Int64
        let name: String
        let dateOfBirth: String
        let school: String
        let ward: String
        let adviser: String
        let reason: String
    }

    let title = "Tracking queues"
    let userName: String
    let role: String
    let csrf: String
    let heading: String
    let tabs: [Tab]
    let days: Int
    let queueValue: String
    let ward: String
    let schools: [Choice]
    let advisers: [Choice]
    let assignTo: [Choice]
    let characteristics: [Choice]
    let rows: [Row]
    let hasRows: Bool
    let total: Int
    /// The day the list is as of, when some positions wait for today's refresh.
    let asOf: String?
    let moreThanShown: Bool
    let shown: Int
    let assignedMessage: String?
    /// The assign form's problem, as an error summary linking to its field.
    let assignProblems: [FormProblems.Problem]
    let hasAssignProblems: Bool
    let back: String
    /// The same queue and filters as a campaign's audience.
    let campaignLink: String
    /// Managers see the queues but do not start campaigns.
    let canStartCampaign: Bool

    init(
        user: StoredUser, csrf: String, queue: WorkQueue, days: Int, filter: QueueFilter, slice: QueueSlice, shown: Int, filterable: [CharacteristicCode],
        schools: [StoredOrganisation], advisers: [StoredUser], assigned: Int?, problem: QueueAssignProblem? = nil, back: String
    ) {
        var problems = FormProblems()
        if let problem {
            let (field, text) = problem.message(shown: shown)
            problems.add(field, text)
        }
        assignProblems = problems.all
        hasAssignProblems = !problems.isEmpty
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        heading = queue.title
        self.days = days
        queueValue = queue.rawValue
        ward = filter.ward ?? ""
        tabs = WorkQueue.allCases.map { Tab(label: $0.title, link: "/queues?queue=\($0.rawValue)", current: $0 == queue) }
        self.schools = [Choice(value: "", label: "Any school", selected: filter.schoolID == nil)]
            + schools.map { Choice(value: String($0.id), label: $0.name, selected: $0.id == filter.schoolID) }
        self.advisers = [Choice(value: "", label: "Any adviser", selected: filter.adviserID == nil)]
            + advisers.map { Choice(value: String($0.id), label: $0.displayName, selected: $0.id == filter.adviserID) }
        assignTo = advisers.map { Choice(value: String($0.id), label: $0.displayName, selected: false) }
        characteristics = [Choice(value: "", label: "Any", selected: filter.characteristic == nil)]
            + filterable.map { Choice(value: String($0.rawValue), label: "\($0.rawValue) – \($0.meaning)", selected: $0 == filter.characteristic) }
        let names = Dictionary(advisers.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        rows = slice.entries.prefix(shown).map { entry in
            Row(
                id: entry.member.id, name: "\(entry.member.givenName) \(entry.member.familyName)",
                dateOfBirth: (try? CalendarDate(iso: entry.member.dateOfBirth))?.longDescription ?? entry.member.dateOfBirth,
                school: entry.member.school ?? "–", ward: entry.ward ?? "–", adviser: entry.adviserID.map { names[$0] ?? "User \($0)" } ?? "–",
                reason: entry.reason)
        }
        hasRows = !rows.isEmpty
        total = slice.total
        moreThanShown = slice.total > shown
        asOf = slice.asOf.flatMap { try? CalendarDate(iso: $0) }?.longDescription
        self.shown = shown
        assignedMessage = assigned.map { "\($0) young people assigned." }
        self.back = back
        canStartCampaign = AccessPolicy.allows(user.role, .recordTrackingWork)
        campaignLink = "/campaigns/new?" + CampaignAudience(queue: queue, days: days, filter: filter).queryString
    }
}
