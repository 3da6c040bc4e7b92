import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Distance travelled as a table: per area, how many young people were
/// rated at both ends, the mean first and latest rating, the mean change
/// (+ is better whichever way the scale runs) and how many moved each way.
struct DistanceTravelledPage: PageModel {
    static let template = "distance-travelled"

    struct Row: Sendable {
        let area: String
        let people: Int
        let first: String
        let latest: String
        let change: String
        let improved: Int
        let same: Int
        let worse: Int
    }

    struct Choice: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    let title: String
    let userName: String
    let role: String
    let csrf: String
    let summary: String
    let instruments: [Choice]
    let advisers: [Choice]
    let from: String
    let fromError: String?
    let rows: [Row]
    let overall: Row
    let hasPeople: Bool
    let downloads: DownloadLinks?
    let problems: [FormProblems.Problem]
    let hasProblems: Bool
    let scaleNote: String

    init(view: DistanceView, user: StoredUser, csrf: String, from: String, problems: FormProblems, downloads: DownloadLinks?) {
        title = (problems.isEmpty ? "" : "Error: ") + "Distance travelled"
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        let distance = view.distance
        let who = view.question.adviserID.flatMap { id in view.advisers.first { $0.id == id }?.displayName }.map { "on \($0)’s caseload" } ?? "in the LA"
        let cohort = view.question.firstAssessedFrom.map { " first assessed on or after \($0.longDescription)" } ?? ""
        summary = distance.people == 0
            ? "No young person \(who)\(cohort) has two completed \(view.instrument.title.lowercased()) assessments yet, so there is no distance to show."
                + (distance.notYetReviewed > 0 ? " \(distance.notYetReviewed) \(distance.notYetReviewed == 1 ? "has" : "have") one and await a review." : "")
            : "\(distance.people) young \(distance.people == 1 ? "person" : "people") \(who)\(cohort) \(distance.people == 1 ? "has" : "have") a first and a later completed assessment; "
                + "\(distance.overallImproved) moved forward overall, \(distance.overallSame) stayed the same and \(distance.overallWorse) moved back. "
                + (distance.notYetReviewed > 0 ? "\(distance.notYetReviewed) more \(distance.notYetReviewed == 1 ? "has" : "have") one assessment and \(distance.notYetReviewed == 1 ? "awaits" : "await") a review." : "")
        instruments = view.instruments.map { Choice(value: $0.key, label: $0.title, selected: $0.key == view.instrument.key) }
        advisers = [Choice(value: "", label: "Everyone in the LA", selected: view.question.adviserID == nil)]
            + view.advisers.map { Choice(value: String($0.id), label: $0.displayName, selected: $0.id == view.question.adviserID) }
        self.from = from
        fromError = problems.message(for: "from")
        rows = distance.areas.map { area in
            Row(area: area.title, people: area.people, first: Self.mean(area.firstMean, area.people), latest: Self.mean(area.latestMean, area.people),
                change: area.people == 0 ? "–" : Self.signed(area.meanChange), improved: area.improved, same: area.same, worse: area.worse)
        }
        overall = Row(area: "Overall (mean of each person’s mean change)", people: distance.people, first: "", latest: "",
                      change: distance.overallMeanChange.map(Self.signed) ?? "–", improved: distance.overallImproved, same: distance.overallSame,
                      worse: distance.overallWorse)
        hasPeople = distance.people > 0
        self.downloads = downloads
        self.problems = problems.all
        hasProblems = !problems.isEmpty
        let ends = "\(view.instrument.scale.first.map { "\($0.value) \($0.label)" } ?? "") to \(view.instrument.scale.last.map { "\($0.value) \($0.label)" } ?? "")"
        scaleNote = "Ratings run \(ends). A change is in points of the scale, counted so that + is always better."
    }

    static func mean(_ value: Double, _ people: Int) -> String { people == 0 ? "–" : String(format: "%.2f", value) }
    static func signed(_ value: Double) -> String { (value > 0.0049 ? "+" : "") + String(format: "%.2f", value) }
}
