import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// One referral as one side sees it: the young person through the package,
/// the summary, what was shared and withheld, the history, and the steps
/// this side may take now.
struct ReferralPage: PageModel {
    static let template = "referral"

    struct Fact: Sendable {
        let label: String
        let value: String
    }

    struct Share: Sendable {
        let label: String
        let reason: String?
    }

    struct Step: Sendable {
        let what: String
        let who: String
        let when: String
        let words: String?
    }

    struct Option: Sendable {
        let value: String
        let label: String
    }

    let title: String
    let userName: String
    let role: String
    let csrf: String
    let id: Int64
    let personName: String
    let personID: Int64
    let linksToRecord: Bool
    let from: String
    let to: String
    let purpose: String
    let state: String
    let summary: String
    let due: String?
    let overdue: Bool
    let outcome: String?
    let facts: [Fact]
    let hasFacts: Bool
    let shared: [Share]
    let hasShared: Bool
    let withheld: [Share]
    let hasWithheld: Bool
    let steps: [Step]
    // The steps this side may take now, one form each.
    let canSend, canAcknowledge, canAccept, canDecline, canStart, canRecordOutcome, canClose, canWithdraw, canHandBack, canReopen: Bool
    let hasActions: Bool
    let declineReasons: [Option]
    let outcomes: [Option]
    let problem: String?
    let notice: String?

    init(user: StoredUser, csrf: String, view: ReferralView, today: CalendarDate, problem: String? = nil, notice: String? = nil) {
        let referral = view.referral
        let name = [view.person.givenName, view.person.familyName].compactMap { $0 }.joined(separator: " ")
        title = "Referral \(referral.id)" + (name.isEmpty ? "" : " – \(name)")
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        id = referral.id
        personName = name.isEmpty ? "Young person" : name
        personID = referral.personID
        linksToRecord = view.side == .sender
        from = "\(referral.fromUserName), \(referral.fromOrganisationName)"
        to = referral.toOrganisationName
        purpose = referral.purpose.label
        state = referral.state.label
        summary = referral.summary
        due = referral.reminderDue?.longDescription
        overdue = view.reminderOverdue
        outcome = referral.outcome?.label
        facts = Self.facts(view)
        hasFacts = !facts.isEmpty
        shared = view.shares.filter(\.shared).map { Share(label: $0.dataClass.label, reason: nil) }
        hasShared = !shared.isEmpty
        withheld = view.shares.filter { !$0.shared }.map { Share(label: $0.dataClass.label, reason: $0.withheldBecause) }
        hasWithheld = !withheld.isEmpty
        steps = view.steps.map { step in
            Step(what: Self.describe(step), who: step.userName ?? "Waymark", when: UKTime.describe(instant: step.at), words: step.words)
        }
        let actions = Set(view.actions)
        (canSend, canAcknowledge, canAccept, canDecline, canStart) =
            (actions.contains(.send), actions.contains(.acknowledge), actions.contains(.accept), actions.contains(.decline), actions.contains(.start))
        (canRecordOutcome, canClose, canWithdraw, canHandBack, canReopen) =
            (actions.contains(.recordOutcome), actions.contains(.close), actions.contains(.withdraw), actions.contains(.handBack), actions.contains(.reopen))
        hasActions = !actions.isEmpty
        declineReasons = DeclineReason.allCases.map { Option(value: $0.rawValue, label: $0.label) }
        outcomes = ReferralOutcome.allCases.map { Option(value: $0.rawValue, label: $0.label) }
        self.problem = problem
        self.notice = notice
    }

    static func facts(_ view: ReferralView) -> [Fact] {
        var facts: [Fact] = []
        let person = view.person
        if let dateOfBirth = person.dateOfBirth { facts.append(Fact(label: "Date of birth", value: dateOfBirth.longDescription)) }
        if let school = person.schoolName { facts.append(Fact(label: "School", value: school)) }
        if let current = view.currentActivity {
            facts.append(Fact(label: "Doing now", value: "\(current.code.rawValue) – \(current.code.meaning)" + (current.establishmentName.map { " at \($0)" } ?? "") + ", since \(current.startDate.longDescription)"))
        }
        if let address = person.addresses.max(by: { $0.validFrom < $1.validFrom }) {
            facts.append(Fact(label: "Address", value: (address.lines + [address.town, address.postcode].compactMap { $0 }).joined(separator: ", ")))
        }
        for stored in view.contactDetails where stored.detail.validTo == nil {
            facts.append(Fact(label: stored.detail.kind.rawValue.capitalized, value: stored.detail.value))
        }
        for characteristic in person.characteristics where characteristic.endDate == nil {
            facts.append(Fact(label: characteristic.code.sensitivityClass.label, value: "\(characteristic.code.rawValue) – \(characteristic.code.meaning)"))
        }
        return facts
    }

    static func describe(_ step: StoredReferralStep) -> String {
        if step.action == "create" { return "Drafted" }
        var text = step.toState.label
        if let reason = step.declineReason { text += ": " + reason.label }
        if let outcome = step.outcome { text += ": " + outcome.label }
        return text
    }
}
