import Foundation
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

    /// A column heading; the sortable ones link to the list sorted by them.
    struct Heading: Sendable {
        let label: String
        let link: String?
        /// "ascending", "descending" or "none" on a sortable column; nil on the rest.
        let ariaSort: String?
        /// The arrow shown beside the sorted column (the state itself is `aria-sort`).
        let arrow: String?
    }

    struct Row: Sendable {
        let id: Int64
        let name: String
        let dateOfBirth: String
        let school: String
        let ward: String
        let sector: String
        let adviser: String
        let lastContact: String
        let reason: String
    }

    struct Hidden: Sendable {
        let name: String
        let value: String
    }

    let title = "Tracking queues"
    let userName: String
    let role: String
    let csrf: String
    let heading: String
    let tabs: [Tab]
    let days: Int
    let queueValue: String
    /// The sort kept when the filters are changed.
    let sortFields: [Hidden]
    let schools: [Choice]
    let wards: [Choice]
    let sectorValue: String
    let advisers: [Choice]
    let assignTo: [Choice]
    let characteristics: [Choice]
    let headings: [Heading]
    let rows: [Row]
    let hasRows: Bool
    /// The day the list is as of, when some positions wait for today's refresh.
    let asOf: String?
    let pageNumbers: PageNumbers
    let pageSize: Int
    /// Every box on this page arrives ticked (`?select=page`).
    let selectAll: Bool
    let selectAllFields: [Hidden]
    /// The same page with nothing ticked.
    let clearLink: String
    let downloads: DownloadLinks
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
        user: StoredUser, csrf: String, parameters: QueueParameters, view: QueueView, selectAll: Bool, assigned: Int?, problem: QueueAssignProblem? = nil
    ) {
        let filter = parameters.filter
        let slice = view.slice
        var problems = FormProblems()
        if let problem {
            let (field, text) = problem.message(shown: slice.pageSize)
            problems.add(field, text)
        }
        assignProblems = problems.all
        hasAssignProblems = !problems.isEmpty
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        heading = parameters.queue.title
        days = parameters.days
        queueValue = parameters.queue.rawValue
        sortFields = parameters.orderItems.map { Hidden(name: $0.name, value: $0.value ?? "") }
        tabs = WorkQueue.allCases.map { Tab(label: $0.title, link: "/queues?queue=\($0.rawValue)", current: $0 == parameters.queue) }
        self.schools = [Choice(value: "", label: "Any school", selected: filter.schoolID == nil)]
            + view.schools.map { Choice(value: String($0.id), label: $0.name, selected: $0.id == filter.schoolID) }
        wards = Self.wardChoices(view.wards, chosen: filter.ward)
        sectorValue = filter.postcodeSector ?? ""
        self.advisers = [Choice(value: "", label: "Any adviser", selected: filter.adviserID == nil)]
            + view.advisers.map { Choice(value: String($0.id), label: $0.displayName, selected: $0.id == filter.adviserID) }
        assignTo = [Choice(value: "", label: "Choose an adviser", selected: true)]
            + view.advisers.map { Choice(value: String($0.id), label: $0.displayName, selected: false) }
        characteristics = [Choice(value: "", label: "Any", selected: filter.characteristic == nil)]
            + view.filterable.map { Choice(value: String($0.rawValue), label: "\($0.rawValue) – \($0.meaning)", selected: $0 == filter.characteristic) }
        headings = Self.headings(parameters)
        let names = Dictionary(view.advisers.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        rows = slice.entries.map { entry in
            Row(
                id: entry.member.id, name: "\(entry.member.givenName) \(entry.member.familyName)",
                dateOfBirth: (try? CalendarDate(iso: entry.member.dateOfBirth))?.longDescription ?? entry.member.dateOfBirth,
                school: entry.member.school ?? "–", ward: entry.ward ?? "–", sector: entry.postcodeSector ?? "–", adviser: entry.adviserID.map { names[$0] ?? "User \($0)" } ?? "–",
                lastContact: entry.lastContact.map { (try? CalendarDate(iso: String($0.prefix(10))))?.longDescription ?? String($0.prefix(10)) } ?? "None recorded",
                reason: entry.reason)
        }
        hasRows = !rows.isEmpty
        pageNumbers = PageNumbers(Paging(total: slice.total, size: slice.pageSize), page: slice.page, one: "young person", many: "young people") { parameters.link(page: $0) }
        pageSize = slice.pageSize
        asOf = slice.asOf.flatMap { try? CalendarDate(iso: $0) }?.longDescription
        self.selectAll = selectAll
        selectAllFields = parameters.selectAllItems.map { Hidden(name: $0.name, value: $0.value ?? "") }
        back = parameters.link(page: slice.page)
        clearLink = back
        downloads = parameters.downloads
        assignedMessage = assigned.map { "\($0) young people assigned." }
        canStartCampaign = AccessPolicy.allows(user.role, .recordTrackingWork)
        campaignLink = "/campaigns/new?" + CampaignAudience(queue: parameters.queue, days: parameters.days, filter: filter).queryString
    }

    /// The wards there are, the chosen one selected whatever its case; a ward
    /// asked for that nobody lives in is still shown as chosen, so the empty
    /// list says why.
    static func wardChoices(_ wards: [String], chosen: String?) -> [Choice] {
        let match = chosen.flatMap { chosen in wards.first { $0.caseInsensitiveCompare(chosen) == .orderedSame } }
        var choices = [Choice(value: "", label: "Any ward", selected: chosen == nil)]
        if let chosen, match == nil { choices.append(Choice(value: chosen, label: chosen, selected: true)) }
        return choices + wards.map { Choice(value: $0, label: $0, selected: $0 == match) }
    }

    static func headings(_ parameters: QueueParameters) -> [Heading] {
        func sortable(_ label: String, _ column: QueueOrder.Column) -> Heading {
            let sorted = parameters.order.column == column
            let direction = parameters.order.descending ? "descending" : "ascending"
            return Heading(
                label: label, link: parameters.link(sortingBy: column), ariaSort: sorted ? direction : "none",
                arrow: sorted ? (parameters.order.descending ? "▼" : "▲") : nil)
        }
        func plain(_ label: String) -> Heading { Heading(label: label, link: nil, ariaSort: nil, arrow: nil) }
        return [
            sortable("Name", .name), sortable("Date of birth", .dateOfBirth), plain("School"), sortable("Ward", .ward), sortable("Postcode sector", .postcode), plain("Adviser"),
            sortable("Last contact", .lastContact), plain("Why"),
        ]
    }
}
