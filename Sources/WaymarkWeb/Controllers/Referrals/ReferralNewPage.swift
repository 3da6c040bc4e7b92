import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The form to refer a young person to a partner service.
struct ReferralNewPage: PageModel {
    static let template = "referral-new"

    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    let title: String
    let userName: String
    let role: String
    let csrf: String
    let personID: Int64
    let personName: String
    let services: [Option]
    let purposes: [Option]
    let summary: String
    let problem: String?
    let problemField: String?
    let serviceError: String?
    let summaryError: String?
    let minimumCharacters = ReferralReason.minimumCharacters
    let maximumCharacters = ReferralReason.maximumCharacters

    init(user: StoredUser, csrf: String, start: ReferralStart, form: ReferralForm = ReferralForm(), problem: String? = nil) {
        title = "Refer \(start.personName)"
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        personID = start.personID
        personName = start.personName
        services = start.services.map { Option(value: String($0.id), label: "\($0.name) (\($0.kind.label))", selected: String($0.id) == form.service) }
        purposes = [Option(value: "", label: "The service's usual purpose", selected: (form.purpose ?? "").isEmpty)]
            + ReferralPurpose.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form.purpose) }
        summary = form.summary ?? ""
        self.problem = problem
        problemField = problem.map { $0.hasPrefix("Choose the service") ? "service" : "summary" }
        serviceError = problemField == "service" ? problem : nil
        summaryError = problemField == "summary" ? problem : nil
    }
}

/// What the referral form sends.
struct ReferralForm: Decodable, Sendable {
    var service: String?
    var purpose: String?
    var summary: String?
}

/// What a step on a referral sends: the action, and what it needs.
struct ReferralStepForm: Decodable, Sendable {
    var step: String?
    var reason: String?
    var outcome: String?
    var words: String?

    /// The action asked for, or the problem in words naming the field.
    func action() -> Result<ReferralAction, Refusal> {
        guard let kind = step.flatMap(ReferralActionKind.init(rawValue:)) else { return .failure(.badRequest("step: not a step a referral can take.")) }
        let words = (words ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        func reasonWords(_ field: String) -> Result<ReferralReason, Refusal> {
            do throws(ReferralReasonProblem) { return .success(try ReferralReason(words, field: field)) } catch { return .failure(.invalid(error.description)) }
        }
        switch kind {
        case .send: return .success(.send)
        case .acknowledge: return .success(.acknowledge)
        case .accept: return .success(.accept)
        case .start: return .success(.start)
        case .close: return .success(.close)
        case .decline:
            guard let reason = self.reason.flatMap(DeclineReason.init(rawValue:)) else { return .failure(.invalid("Choose why the referral is declined")) }
            if words.isEmpty { return .success(.decline(reason, nil)) }
            return reasonWords("reason for declining").map { .decline(reason, $0) }
        case .recordOutcome:
            guard let outcome = self.outcome.flatMap(ReferralOutcome.init(rawValue:)) else { return .failure(.invalid("Choose the outcome")) }
            return reasonWords("summary of the outcome").map { .recordOutcome(outcome, $0) }
        case .withdraw: return reasonWords("reason for withdrawing").map { .withdraw($0) }
        case .handBack: return reasonWords("reason for handing back").map { .handBack($0) }
        case .reopen: return reasonWords("reason for reopening").map { .reopen($0) }
        }
    }
}
