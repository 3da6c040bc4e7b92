import WaymarkCore
import WaymarkStore

struct AnswersPage: PageModel {
    static let template = "answers"

    struct Row: Sendable {
        let id: Int64
        let personID: Int64
        let name: String
        let declared: String
        let code: String
        let place: String
        let since: String
        let newDetails: String
        let answered: String
    }

    struct Problem: Sendable {
        let answerID: Int64
        let personID: Int64
        let message: String
    }

    let title = "Answers to verify"
    let frame: StaffFrame
    let rows: [Row]
    let hasRows: Bool
    let notice: String?
    let problem: Problem?

    init(frame: StaffFrame, answers: [StoredSelfServiceAnswer], notice: String?, problem: Problem?) {
        self.frame = frame
        rows = answers.map { answer in
            let code = ActivityCode(rawValue: answer.activityCode)
            let details = [answer.phone.map { "mobile \($0)" }, answer.email.map { "e-mail \($0)" },
                           answer.preferredChannel.map { "prefers \($0.meaning.lowercased())" }].compactMap { $0 }
            return Row(
                id: answer.id, personID: answer.personID, name: "\(answer.givenName) \(answer.familyName)",
                declared: answer.choice?.label ?? "–", code: code.map { "\($0.rawValue) – \($0.meaning)" } ?? "\(answer.activityCode)",
                place: answer.place ?? "–", since: answer.since.map { "\($0.monthName) \($0.year)" } ?? "not said",
                newDetails: !frame.showsContact ? PersonPage.restricted : details.isEmpty ? "–" : details.joined(separator: "; "), answered: UKTime.describe(answer.answeredAt))
        }
        hasRows = !rows.isEmpty
        self.notice = notice
        self.problem = problem
    }
}
