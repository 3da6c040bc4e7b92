import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The record's "Consent and sharing" page: what each school or college
/// sees through the portal and why, every choice with its history, and the
/// forms to record a choice and (for data managers) set a refusal aside.
struct ConsentPage: PageModel {
    static let template = "consent"

    struct Row: Sendable {
        let id: Int64
        let decision: String
        let isDeny: Bool
        let what: String
        let recipient: String
        let purpose: String
        let period: String
        let given: String
        let recorded: String
        let status: String
        let inForce: Bool
        let canWithdraw: Bool
    }

    struct PortalRow: Sendable {
        let organisation: String
        let shares: [Share]
    }

    struct Share: Sendable {
        let label: String
        let shared: Bool
        let why: String
    }

    struct OverrideRow: Sendable {
        let flow: String
        let recipient: String
        let classes: String
        let until: String
    }

    let title: String
    let frame: CaseworkFrame
    let portal: [PortalRow]
    let hasPortal: Bool
    let rows: [Row]
    let hasRows: Bool
    let mayRecord: Bool
    let mayOverride: Bool
    let notice: String?
    let decisions: [Choice]
    let purposes: [Choice]
    let recipients: [Choice]
    let classes: [Choice]
    let givers: [Choice]
    let methods: [Choice]
    let from: DateFieldView
    let until: DateFieldView
    let heardBy: FieldView
    let objection: Bool
    let decisionError: String?
    let recipientError: String?
    let givenByError: String?
    let methodError: String?
    let objectionError: String?
    let flows: [Choice]
    let overrideRecipients: [Choice]
    let overrideClasses: [Choice]
    let reason: FieldView
    let overrides: [OverrideRow]
    let hasOverrides: Bool
    let overrideHours: Int

    init(
        user: StoredUser, csrf: String, overview: ConsentOverview, today: CalendarDate, now: Date, form: ConsentForm? = nil,
        overrideForm: OverrideForm? = nil, problems: FormProblems = FormProblems(), notice: String? = nil, overrideHours: Int
    ) {
        let names = overview.organisationNames
        func recipientName(_ recipient: ConsentRecipient) -> String {
            switch recipient {
            case .anyone: "Anyone"
            case .kind(let kind): "Any \(kind.rawValue)"
            case .organisation(let id): names[id] ?? "Organisation \(id)"
            }
        }
        title = problems.isEmpty ? "Consent and sharing – \(overview.personName)" : "Error: consent and sharing – \(overview.personName)"
        frame = CaseworkFrame(user: user, csrf: csrf, personID: overview.personID, personName: overview.personName, problems: problems)
        portal = overview.portal.map { share in
            PortalRow(organisation: share.organisation.name, shares: share.decisions.map { dataClass, decision in
                switch decision {
                case .allowed(.flowBasis): Share(label: dataClass.label, shared: true, why: "Shared: the flow's legal basis covers it")
                case .allowed(.consent): Share(label: dataClass.label, shared: true, why: "Shared: they said yes")
                case .allowed(.override(let override)):
                    Share(label: dataClass.label, shared: true, why: "Shared by an override until \(UKTime.describe(instant: override.expiresAt, relativeTo: now))")
                case .refused(let why): Share(label: dataClass.label, shared: false, why: "Not shared: " + why.description)
                }
            })
        }
        hasPortal = !portal.isEmpty
        rows = overview.provisions.map { recorded in
            let provision = recorded.provision
            let inForce = provision.isInForce(on: today, at: now)
            let status: String
            if let withdrawn = provision.withdrawnAt {
                status = "Withdrawn \(UKTime.describe(instant: withdrawn, relativeTo: now))" + (recorded.withdrawnBy.map { " by \($0)" } ?? " on their own page")
            } else if provision.from > today {
                status = "Starts \(provision.from.longDescription)"
            } else {
                status = inForce ? "In force" : "Ended"
            }
            return Row(
                id: provision.id, decision: provision.decision == .permit ? "Yes" : "No", isDeny: provision.decision == .deny,
                what: provision.dataClass?.label ?? "Everything", recipient: recipientName(provision.recipient),
                purpose: (provision.purpose?.staffLabel ?? "Any purpose") + (provision.origin == .section72Objection ? " (objection under s72)" : ""),
                period: "From \(provision.from.longDescription)" + (provision.until.map { " to \($0.longDescription)" } ?? ""),
                given: "By \(provision.givenBy.label), \(provision.method.label)",
                recorded: UKTime.describe(instant: provision.recordedAt, relativeTo: now) + " by " + (recorded.recordedBy ?? "the young person"),
                status: status, inForce: inForce, canWithdraw: overview.mayRecord && provision.withdrawnAt == nil)
        }
        hasRows = !rows.isEmpty
        mayRecord = overview.mayRecord
        mayOverride = overview.mayOverride
        self.notice = notice
        let typed = form ?? ConsentForm(from: DateEntry(today), method: "paper", heardBy: user.displayName)
        decisions = [Choice(value: "permit", label: "Yes, they agree", selected: typed.decision == "permit"),
                     Choice(value: "deny", label: "No, they do not agree", selected: typed.decision == "deny")]
        purposes = [Choice(value: ConsentForm.any, label: "Any purpose", selected: typed.purpose == nil || typed.purpose == ConsentForm.any)]
            + SharingPurpose.allCases.map { Choice(value: $0.rawValue, label: $0.staffLabel, selected: typed.purpose == $0.rawValue) }
        let recipientChoices: [ConsentRecipient] = [.anyone] + [OrganisationKind.school, .specialSchool, .sixthFormCollege, .furtherEducationCollege, .trainingProvider, .localAuthority].map(ConsentRecipient.kind)
            + overview.portal.map { .organisation($0.organisation.id) }
        recipients = recipientChoices.map { recipient in
            let value = ConsentForm.value(recipient)
            return Choice(value: value, label: recipientName(recipient), selected: typed.recipient == value || (typed.recipient == nil && recipient == .anyone))
        }
        classes = [Choice(value: ConsentForm.any, label: "Everything", selected: typed.dataClass == nil || typed.dataClass == ConsentForm.any)]
            + SensitivityClass.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: typed.dataClass == $0.rawValue) }
        givers = ConsentGiver.allCases.map {
            Choice(value: $0.rawValue, label: $0 == .youngPerson ? "The young person" : "A parent or carer (under 16)", selected: typed.givenBy == $0.rawValue)
        }
        methods = [Choice(value: "paper", label: "On a paper form", selected: typed.method == "paper"),
                   Choice(value: "verbal", label: "Verbally, to a worker", selected: typed.method == "verbal")]
        from = DateFieldView(typed.from, "from", legend: "From", problems)
        until = DateFieldView(typed.until, "until", legend: "Until (optional)", about: "Leave empty for no end. The last day is included.", problems)
        heardBy = FieldView(typed.heardBy, "heard-by", problems)
        objection = typed.objection == "yes"
        decisionError = problems.message(for: "decision")
        recipientError = problems.message(for: "recipient")
        givenByError = problems.message(for: "given-by")
        methodError = problems.message(for: "method-paper")
        objectionError = problems.message(for: "objection")
        let chosenFlow = overrideForm?.flow ?? DataFlowDefaults.Key.schoolPortal
        flows = overview.flows.map { Choice(value: $0.key, label: $0.name, selected: $0.key == chosenFlow) }
        overrideRecipients = [Choice(value: "", label: "Any recipient of the flow", selected: (overrideForm?.recipient ?? "").isEmpty)]
            + overview.portal.map { Choice(value: String($0.organisation.id), label: $0.organisation.name, selected: overrideForm?.recipient == String($0.organisation.id)) }
        let ticked = Set(overrideForm?.classes ?? [])
        overrideClasses = SensitivityClass.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: ticked.contains($0.rawValue)) }
        reason = FieldView(overrideForm?.reason, "reason", problems)
        overrides = overview.overrides.map { override in
            OverrideRow(
                flow: overview.flows.first { $0.key == override.flowKey }?.name ?? override.flowKey,
                recipient: override.recipientID.map { names[$0] ?? "Organisation \($0)" } ?? "Any recipient",
                classes: override.classes.sorted().map(\.label).joined(separator: ", "), until: UKTime.describe(instant: override.expiresAt, relativeTo: now))
        }
        hasOverrides = !overrides.isEmpty
        self.overrideHours = overrideHours
    }
}

extension CaseworkFrame {
    init(user: StoredUser, csrf: String, personID: Int64, personName: String, problems: FormProblems) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        self.personID = personID
        self.personName = personName
        self.problems = problems.all
        hasProblems = !problems.isEmpty
    }
}
