import Foundation
import WaymarkCore
import WaymarkFormats
import WaymarkApp
import WaymarkRecords

struct TransfersPage: PageModel {
    static let template = "transfers"

    struct Row: Sendable {
        let id: Int64
        let from: String
        let previous: String
        let received: String
        let status: String
        let waiting: Bool
        let reason: String?
        let personID: Int64?
        /// Decided: its signed acknowledgement can be downloaded and sent back.
        let decided: Bool
    }

    /// A transfer sent from here that the receiving authority has answered.
    struct Answer: Sendable {
        let transferID: Int64
        let personID: Int64
        let to: String
        let answer: String
        let decidedOn: String
        let highlighted: Bool
    }

    let title = "Transfers from other authorities"
    let userName: String
    let role: String
    let csrf: String
    let rows: [Row]
    let hasRows: Bool
    let waitingCount: Int
    let acknowledgement: String?
    let acknowledgedID: Int64?
    let problems: [String]
    let hasProblems: Bool
    let answers: [Answer]
    let hasAnswers: Bool
    /// The notice after an acknowledgement was imported.
    let answered: String?
    let answerProblems: [String]
    let hasAnswerProblems: Bool

    init(
        user: StoredUser, csrf: String, transfers: [StoredTransferIn], acknowledged: StoredTransferIn?, answered sent: [StoredTransferOut] = [],
        answeredID: Int64? = nil, laName: (String) -> String, problems: [String], answerProblems: [String] = []
    ) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        rows = transfers.map { stored in
            Row(id: stored.id, from: "\(laName(stored.fromLA)) (\(stored.fromLA))", previous: stored.previousIdentifier,
                received: String(stored.receivedAt.prefix(16)).replacingOccurrences(of: "T", with: " "),
                status: stored.status == .received ? "Waiting for a decision" : stored.status == .accepted ? "Accepted (\(stored.outcome ?? ""))" : "Declined",
                waiting: stored.status == .received, reason: stored.reason, personID: stored.status == .accepted ? stored.personID : nil,
                decided: stored.status != .received)
        }
        answers = sent.compactMap { out in
            out.acknowledgement.map { ack in
                Answer(
                    transferID: out.id, personID: out.personID, to: "\(laName(out.toLA)) (\(out.toLA))",
                    answer: Self.answer(ack), decidedOn: Self.day(ack.decidedOn), highlighted: out.id == answeredID)
            }
        }
        hasAnswers = !answers.isEmpty
        answered = sent.first { $0.id == answeredID }.flatMap { out in
            out.acknowledgement.map { ack in
                ack.decision == "accepted"
                    ? "\(laName(out.toLA)) accepted transfer \(out.id): young person \(out.personID) is \(ack.theirIdentifier ?? "") there."
                    : "\(laName(out.toLA)) declined transfer \(out.id) of young person \(out.personID)."
            }
        }
        self.answerProblems = answerProblems
        hasAnswerProblems = !answerProblems.isEmpty
        hasRows = !rows.isEmpty
        waitingCount = transfers.filter { $0.status == .received }.count
        acknowledgement = acknowledged.map { TransferReceipt($0).acknowledgement }
        acknowledgedID = acknowledged?.id
        self.problems = problems
        hasProblems = !problems.isEmpty
    }

    /// "accepted on 18 November 2026; they are 886-2 there" or "declined on …".
    static func answer(_ ack: TransferOutAcknowledgement) -> String {
        ack.decision == "accepted"
            ? "accepted on \(day(ack.decidedOn)); they are \(ack.theirIdentifier ?? "") there"
            : "declined on \(day(ack.decidedOn))"
    }

    static func day(_ iso: String) -> String {
        (try? CalendarDate(iso: iso))?.longDescription ?? iso
    }
}

struct TransferInPage: PageModel {
    static let template = "transfer-in"

    struct Line: Sendable {
        let label: String
        let value: String
    }

    let title = "A transfer from another authority"
    let userName: String
    let role: String
    let csrf: String
    let id: Int64
    let from: String
    /// The sending authority's name, for "given to … and carried here".
    let fromName: String
    let name: String
    let identity: [Line]
    let activities: [Line]
    let hasActivities: Bool
    let needs: [Line]
    let hasNeeds: Bool
    let characteristics: [String]
    let hasCharacteristics: Bool
    let hasConsents: Bool
    let plan: String?
    let consents: [String]
    let withheld: [Line]
    let hasWithheld: Bool
    let lead: String?
    let matchText: String
    let matchedID: Int64?
    let mayCreate: Bool

    init(user: StoredUser, csrf: String, view: TransferInView) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        let package = view.package
        let identity = package.identity
        id = view.stored.id
        from = "\(view.fromName) (\(package.fromLA.code))"
        fromName = view.fromName
        name = "\(identity.givenName) \(identity.familyName)"
        self.identity = [
            Line(label: "Date of birth", value: identity.dateOfBirth.longDescription), Line(label: "Gender", value: identity.gender.meaning),
            Line(label: "UPN", value: identity.upn ?? "None"), Line(label: "ULN", value: identity.uln ?? "None"),
            Line(label: "Their record there", value: package.previousIdentifier), Line(label: "Moved on", value: package.movedOn.longDescription),
        ]
        activities = package.activities.reversed().map { Line(label: $0.startDate.longDescription, value: "\($0.code.rawValue) \($0.code.meaning)") }
        needs = package.needs.map {
            Line(label: $0.validFrom.longDescription, value: "\($0.levelOfNeed.meaning)\($0.hasSEND ? ", EHC plan (SEND)" : "")\($0.hasSENSupport ? ", SEN support" : "")")
        }
        characteristics = package.characteristics.map { "\($0.code.meaning) from \($0.startDate.longDescription)" }
        plan = package.plan.map { plan in
            let open = plan.goals.reduce(0) { $0 + $1.openSteps }
            return "\(plan.goals.count) goal\(plan.goals.count == 1 ? "" : "s"), \(open) open step\(open == 1 ? "" : "s")"
                + (plan.nextReviewOn.map { "; next review \($0.longDescription)" } ?? "")
        }
        consents = package.consents.map {
            "\($0.decision == .permit ? "Agreed to share" : "Refused to share"): \($0.dataClass?.label ?? "Everything")"
                + "; with \($0.recipientKind.map { "any \($0.rawValue)" } ?? "anyone"); for \($0.purpose?.staffLabel ?? "any purpose")"
                + "; from \($0.from.longDescription)" + ($0.until.map { " to \($0.longDescription)" } ?? "")
        }
        hasActivities = !activities.isEmpty
        hasNeeds = !needs.isEmpty
        hasCharacteristics = !characteristics.isEmpty
        hasConsents = !consents.isEmpty
        withheld = package.withheld.map { Line(label: $0.dataClass.label, value: $0.reason) }
        hasWithheld = !withheld.isEmpty
        lead = package.leadProfessional.map { lead in
            ([lead.name, lead.role, lead.organisation].compactMap { $0 } + (lead.email.map { ["\($0)"] } ?? [])).joined(separator: ", ")
        }
        switch view.match {
        case .previouslyLinked(let person): matchText = "Already linked to record \(person) by their identifier in \(view.fromName)."
        case .confident(let person): matchText = "This is record \(person): the details match."
        case .uncertain(let person, _): matchText = "Record \(person) may be the same young person: check before linking."
        case .none: matchText = "Nobody on your records matches: accepting adds them as a new young person."
        }
        matchedID = view.match.personID
        mayCreate = { if case .previouslyLinked = view.match { false } else { true } }()
    }
}
