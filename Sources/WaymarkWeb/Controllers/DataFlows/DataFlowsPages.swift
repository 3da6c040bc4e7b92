import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The register: every way data enters or leaves, its legal basis, and its review.
struct DataFlowsPage: PageModel {
    static let template = "data-flows"

    struct Row: Sendable {
        let key: String
        let name: String
        let direction: String
        let counterpart: String
        let purpose: String
        let article6: String
        let article9: String?
        let gateway: String
        let agreement: String
        let review: String
        let overdue: Bool
        let consent: String
    }

    let title = "Data flows"
    let frame: StaffFrame
    let rows: [Row]
    let overdue: Int

    init(user: StoredUser, csrf: String, flows: [DataFlow], today: CalendarDate) {
        frame = StaffFrame(user: user, csrf: csrf)
        rows = flows.map { flow in
            Row(
                key: flow.key, name: flow.name, direction: flow.direction == .inbound ? "Comes in from" : "Goes out to", counterpart: flow.counterpart, purpose: flow.purpose.staffLabel,
                article6: flow.article6.label, article9: flow.article9.map { [$0, flow.schedule1].compactMap { $0 }.joined(separator: "; ") },
                gateway: flow.statutoryGateway ?? "None", agreement: flow.agreementReference ?? "Not recorded",
                review: flow.reviewDue.map { ($0 < today ? "Overdue since " : "Due ") + $0.longDescription } ?? "Overdue: never reviewed",
                overdue: flow.isReviewOverdue(on: today),
                consent: flow.consentRequired.isEmpty ? "Not needed" : flow.consentRequired.sorted().map(\.label).joined(separator: ", "))
        }
        overdue = rows.filter(\.overdue).count
    }
}

/// One register entry's form.
struct DataFlowPage: PageModel {
    static let template = "data-flow"

    let title: String
    let frame: StaffFrame
    let key: String
    let direction: String
    let purpose: String
    let saved: Bool
    let name: FieldView
    let counterpart: FieldView
    let article6: [Choice]
    let article9: FieldView
    let schedule1: FieldView
    let gateway: FieldView
    let agreement: FieldView
    let reviewDue: DateFieldView
    let carries: [Choice]
    let consentRequired: [Choice]

    init(user: StoredUser, csrf: String, flow: DataFlow, form: DataFlowsController.Form, problems: FormProblems, saved: Bool) {
        title = (problems.isEmpty ? "" : "Error: ") + flow.name
        frame = StaffFrame(user: user, csrf: csrf, problems: problems)
        key = flow.key
        direction = flow.direction == .inbound ? "Data coming in" : "Data going out"
        purpose = flow.purpose.staffLabel
        self.saved = saved
        name = FieldView(form.name, "name", problems)
        counterpart = FieldView(form.counterpart, "counterpart", problems)
        article6 = LawfulBasis.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: form.article6 == $0.rawValue) }
        article9 = FieldView(form.article9, "article9", problems)
        schedule1 = FieldView(form.schedule1, "schedule1", problems)
        gateway = FieldView(form.gateway, "gateway", problems)
        agreement = FieldView(form.agreement, "agreement", problems)
        reviewDue = DateFieldView(form.reviewDue, "review-due", legend: "Next review", example: DateFieldView.aheadExample, problems)
        let carried = Set(form.carries ?? [])
        let needed = Set(form.consentRequired ?? [])
        carries = SensitivityClass.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: carried.contains($0.rawValue)) }
        consentRequired = SensitivityClass.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: needed.contains($0.rawValue)) }
    }
}
