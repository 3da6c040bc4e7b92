import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The young person's own page: the date-of-birth check, then what we hold,
/// their choices and who has looked. Staff are named by role and
/// organisation only (docs/POLICIES.md, "The young person's own page").
struct OwnRecordPage: PageModel {
    static let template = "own-record"

    struct Question: Sendable {
        let name: String
        let question: String
        let whenUndecided: String
        let options: [Option]
        let current: String
    }

    struct Option: Sendable {
        let id: String
        let value: String
        let label: String
        let checked: Bool
    }

    let title: String
    let laName: String
    let csrf: String
    let link: String
    let showCheck: Bool
    let problem: String?
    let locked: Bool
    let showOwn: Bool
    let givenName: String
    let notice: String?
    let pass: String
    let held: [OwnRecordView.Held]
    let questions: [Question]
    let otherChoices: [String]
    let hasOtherChoices: Bool
    let visits: [String]
    let hasVisits: Bool
    /// Their plan: goals, steps, who does each and by when (never the adviser's notes).
    var planGoals: [PlanGoal] = []
    var hasPlan = false
    var nextPlanReview: String?
    /// The questions they may answer about themselves, held for their adviser.
    var selfRating: SelfRating?

    struct PlanGoal: Sendable {
        let title: String
        let need: String
        let steps: [PlanStep]
        let hasSteps: Bool
    }

    struct PlanStep: Sendable {
        let description: String
        let owner: String
        let due: String
        let status: String
    }

    struct SelfRating: Sendable {
        let title: String
        let lastGiven: String?
        let areas: [RatingArea]
        let problems: [String]
        let hasProblems: Bool
    }

    struct RatingArea: Sendable {
        let key: String
        let question: String
        let options: [Option]
    }

    static func check(laName: String, csrf: String, link: String, problem: String?) -> OwnRecordPage {
        OwnRecordPage(
            title: (problem == nil ? "" : "Error: ") + "Check it is you", laName: laName, csrf: csrf, link: link, showCheck: true, problem: problem, locked: false,
            showOwn: false, givenName: "", notice: nil, pass: "", held: [], questions: [], otherChoices: [], hasOtherChoices: false, visits: [], hasVisits: false)
    }

    static func locked(laName: String) -> OwnRecordPage {
        OwnRecordPage(
            title: "Too many tries", laName: laName, csrf: "", link: "", showCheck: false, problem: nil, locked: true, showOwn: false, givenName: "",
            notice: nil, pass: "", held: [], questions: [], otherChoices: [], hasOtherChoices: false, visits: [], hasVisits: false)
    }

    static func own(
        laName: String, csrf: String, link: String, view: OwnRecordView, notice: String?, now: Date, ratingProblems: [String] = [], ratings: [String: Int] = [:]
    ) -> OwnRecordPage {
        let questions = view.choices.map { choice in
            let name = choice.choice.rawValue
            let value = choice.answer.map { $0 == .permit ? "yes" : "no" } ?? "undecided"
            let current = switch choice.answer {
            case .permit?: "Your answer now: yes" + (choice.givenHow.map { ", given \($0)" } ?? "") + "."
            case .deny?: "Your answer now: no" + (choice.givenHow.map { ", given \($0)" } ?? "") + "."
            case nil: "You have not decided. " + choice.choice.whenUndecided
            }
            return Question(
                name: name, question: choice.choice.question, whenUndecided: choice.choice.whenUndecided,
                options: [("yes", "Yes"), ("no", "No"), ("undecided", "I have not decided")].map {
                    Option(id: "\(name)-\($0.0)", value: $0.0, label: $0.1, checked: $0.0 == value)
                },
                current: current)
        }
        var page = OwnRecordPage(
            title: (ratingProblems.isEmpty ? "" : "Error: ") + "Your information", laName: laName, csrf: csrf, link: link, showCheck: false, problem: nil,
            locked: false, showOwn: true,
            givenName: view.givenName, notice: notice, pass: view.pass, held: view.held, questions: questions, otherChoices: view.otherChoices,
            hasOtherChoices: !view.otherChoices.isEmpty, visits: view.visits.map { describe($0, laName: laName, now: now) }, hasVisits: !view.visits.isEmpty)
        page.planGoals = view.plan.map { goal in
            PlanGoal(
                title: goal.title, need: goal.need,
                steps: goal.steps.map { PlanStep(description: $0.description, owner: $0.owner, due: $0.dueOn?.longDescription ?? "no date set", status: $0.status.label) },
                hasSteps: !goal.steps.isEmpty)
        }
        page.hasPlan = !view.plan.isEmpty
        page.nextPlanReview = view.nextPlanReview?.longDescription
        page.selfRating = view.selfRating.map { instrument in
            SelfRating(
                title: instrument.title, lastGiven: view.lastOwnView?.longDescription,
                areas: instrument.areas.map { area in
                    RatingArea(key: area.key, question: area.question, options: instrument.scale.map { point in
                        Option(id: "own-\(area.key)-\(point.value)", value: String(point.value), label: point.label, checked: ratings[area.key] == point.value)
                    })
                },
                problems: ratingProblems, hasProblems: !ratingProblems.isEmpty)
        }
        return page
    }

    /// "Today at 14:02 – a personal adviser at Northmere".
    static func describe(_ visit: RecordVisit, laName: String, now: Date) -> String {
        let when = UKTime.describe(instant: visit.at, relativeTo: now)
        let who: String
        if let role = visit.role {
            who = "\(article(role.displayName.lowercased())) \(role.displayName.lowercased())" + (visit.organisation.map { " at \($0)" } ?? "")
        } else if visit.actor == "system:self-service" {
            who = "you, on this page"
        } else {
            who = "\(laName)'s system"
        }
        return "\(when) – \(who)"
    }

    static func article(_ word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }
}
