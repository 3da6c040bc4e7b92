import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The team around a young person: who is involved (the known-to register),
/// the lead professional, and their referrals.
struct KnownToPage: PageModel {
    static let template = "known-to"

    struct Line: Sendable {
        let organisation: String
        // Not `worker` and `role`: where a line has none, the template would find the page's own (the form's field, the user's role).
        let lineWorker: String?
        let lineRole: String?
        let period: String
        let open: Bool
        let brokered: Bool
        let contactThrough: String
    }

    struct Option: Sendable {
        let value: String
        let label: String
    }

    let title: String
    let userName: String
    let role: String
    let csrf: String
    let personID: Int64
    let personName: String
    let lines: [Line]
    let hasLines: Bool
    let lead: String?
    let leadAgreed: String?
    let needsAgreedLead: Bool
    let mayRecord: Bool
    let mayRefer: Bool
    let leadCandidates: [Option]
    let hasLeadCandidates: Bool
    let referrals: [ReferralRow]
    let hasReferrals: Bool
    let notice: String?
    let problems: [FormProblems.Problem]
    let hasProblems: Bool
    let leadError: String?
    /// The "record an involvement" form, kept as typed after a problem.
    let services: [Choice]
    let worker: FieldView
    let workerRole: FieldView
    let organisationError: String?
    let fromDate: DateFieldView
    /// The "end an involvement" form: the lines that may be ended here.
    let endable: [Choice]
    let hasEndable: Bool
    let involvementError: String?
    let toDate: DateFieldView
    let addOpen: Bool
    let endOpen: Bool

    init(
        user: StoredUser, csrf: String, view: KnownToView, referrals: [StoredReferral], visible: Set<SensitivityClass>,
        today: CalendarDate, notice: String? = nil, problems: FormProblems = FormProblems(), added: InvolvementForm? = nil,
        ended: EndInvolvementForm? = nil
    ) {
        title = "Known to – \(view.personName)"
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        personID = view.personID
        personName = view.personName
        lines = view.lines.map { line in
            Line(organisation: line.organisation, lineWorker: line.worker, lineRole: line.role,
                 period: "from \(line.from.longDescription)" + (line.to.map { " to \($0.longDescription)" } ?? ""), open: line.to == nil,
                 brokered: line.brokered, contactThrough: line.contactThrough)
        }
        hasLines = !lines.isEmpty
        lead = view.lead.map { "\($0.userName), \($0.organisationName)" }
        leadAgreed = view.lead.map { "Since \($0.from.longDescription): \($0.agreed)" }
        needsAgreedLead = view.needsAgreedLead
        mayRecord = view.mayRecord
        mayRefer = AccessPolicy.allows(user.role, .makeReferrals)
        var candidates = view.lines.filter { $0.to == nil && !$0.brokered }.compactMap { line in
            line.workerID.map { Option(value: String($0), label: "\(line.worker ?? "Worker"), \(line.organisation)") }
        }
        if let adviser = view.adviser { candidates.insert(Option(value: String(adviser.id), label: "\(adviser.displayName), personal adviser"), at: 0) }
        leadCandidates = candidates
        hasLeadCandidates = !candidates.isEmpty
        // As on the register: a referral to a service that tells a class this reader does not see says only that there is one.
        self.referrals = referrals.map { ReferralRow($0, today: today, brokered: KnownToLine.isBrokered($0.toOrganisationKind, visible: visible)) }
        hasReferrals = !referrals.isEmpty
        self.notice = notice
        self.problems = problems.all
        hasProblems = !problems.isEmpty
        leadError = problems.message(for: "lead")
        services = view.services.map { Choice(value: String($0.id), label: "\($0.name) (\($0.kind.label.lowercased()))", selected: added?.organisation == String($0.id)) }
        worker = FieldView(added?.worker, "worker", problems)
        workerRole = FieldView(added?.role, "role", problems)
        organisationError = problems.message(for: "organisation")
        fromDate = DateFieldView(added?.from, "from-date", legend: "When they started working with them", problems)
        endable = view.lines.filter(\.mayEnd).map { line in
            Choice(value: String(line.id), label: "\(line.organisation)\(line.worker.map { " – \($0)" } ?? ""), from \(line.from.longDescription)",
                   selected: ended?.involvement == String(line.id))
        }
        hasEndable = !endable.isEmpty
        involvementError = problems.message(for: "involvement")
        addOpen = added != nil
        endOpen = ended != nil
        toDate = DateFieldView(ended?.to, "to-date", legend: "When they stopped", about: "The day cannot be before the day they started.", problems)
    }
}
