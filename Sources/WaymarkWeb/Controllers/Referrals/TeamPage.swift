import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The team around a young person: lead professional, who is involved now,
/// the plan and its next reviews, and open referrals with whose turn it is.
struct TeamPage: PageModel {
    static let template = "team"

    struct Involved: Sendable {
        let organisation: String
        // Not `role`: where a line has none, the template would find the page's own (the user's role).
        let lineWorker: String?
        let lineRole: String?
        let since: String
        let brokered: Bool
        let contactThrough: String
    }

    struct Referral: Sendable {
        let id: Int64
        let to: String
        let state: String
        let waitingOn: String?
        let due: String?
        let overdue: Bool
    }

    struct Step: Sendable {
        let description: String
        let due: String
    }

    let title: String
    let userName: String
    let role: String
    let personID: Int64
    let personName: String
    let lead: String?
    let leadAgreed: String?
    let adviser: String?
    let needsAgreedLead: Bool
    let involved: [Involved]
    let hasInvolved: Bool
    let involvedCount: String
    let hasPlan: Bool
    let planRestricted: Bool
    let planAgreed: String?
    let nextReview: String?
    let reviewDue: Bool
    let goals: [String]
    let hasGoals: Bool
    let openSteps: String
    let nextSteps: [Step]
    let hasNextSteps: Bool
    let referrals: [Referral]
    let hasReferrals: Bool

    init(user: StoredUser, view: TeamView) {
        title = "Team around \(view.personName)"
        userName = user.displayName
        role = user.role.displayName
        personID = view.personID
        personName = view.personName
        lead = view.lead.map { "\($0.userName), \($0.organisationName)" }
        leadAgreed = view.lead.map { "Since \($0.from.longDescription): \($0.agreed)" }
        adviser = view.adviser?.displayName
        needsAgreedLead = view.needsAgreedLead
        involved = view.involved.map { line in
            Involved(organisation: line.organisation, lineWorker: line.worker, lineRole: line.role, since: "since \(line.from.longDescription)",
                     brokered: line.brokered, contactThrough: line.contactThrough)
        }
        hasInvolved = !involved.isEmpty
        involvedCount = involved.count == 1 ? "1 service involved now" : "\(involved.count) services involved now"
        hasPlan = view.plan != nil
        planRestricted = view.planRestricted
        planAgreed = view.plan?.agreedOn?.longDescription
        nextReview = view.plan?.nextReviewOn?.longDescription
        reviewDue = view.plan?.reviewDue ?? false
        goals = view.plan?.goals ?? []
        hasGoals = !goals.isEmpty
        let open = view.plan?.openSteps ?? 0
        openSteps = open == 1 ? "1 step open" : "\(open) steps open"
        nextSteps = (view.plan?.nextSteps ?? []).map { Step(description: $0.description, due: $0.dueOn.longDescription) }
        hasNextSteps = !nextSteps.isEmpty
        referrals = view.referrals.map { referral in
            Referral(id: referral.id, to: referral.to, state: referral.state.label.lowercased(), waitingOn: referral.waitingOn,
                     due: referral.reminderDue.map { $0.longDescription }, overdue: referral.overdue)
        }
        hasReferrals = !referrals.isEmpty
    }
}
