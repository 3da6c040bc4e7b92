import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Assigning a young person to an adviser, with a tier and level of need:
/// for managers and data managers. One transaction, audited.
struct CaseloadController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.assignCaseload)
            .get("people/:id/caseload", use: edit)
            .post("people/:id/caseload", use: save)
        return routes
    }

    struct CaseloadForm: Decodable {
        var adviser: String?
        var tier: String?
        var levelOfNeed: String?
        enum CodingKeys: String, CodingKey { case adviser, tier, levelOfNeed = "level-of-need" }
    }

    private var casework: CaseworkDesk { services.app.casework }

    func edit(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services, need: .assign)
        return try await page(record, context, form: nil, problems: FormProblems())
    }

    func save(_ request: Request, context: StaffContext) async throws -> Response {
        let record = try await context.recordForChange(services, need: .assign)
        let (form, unread) = try await request.readForm(as: CaseloadForm.self, context: context)
        var problems = unread
        let advisers = try await casework.advisers(for: context.grant)
        var adviserID: Int64?
        if let text = form.adviser, !text.isEmpty {
            adviserID = Int64(text).flatMap { id in advisers.contains { $0.id == id } ? id : nil }
            if adviserID == nil { problems.add("adviser", "Choose one of your organisation's personal advisers") }
        }
        var tier: CaseloadTier?
        if let text = form.tier, !text.isEmpty {
            tier = Int(text).flatMap(CaseloadTier.init(rawValue:))
            if tier == nil { problems.add("tier", "Choose tier 1, 2 or 3") }
        }
        if adviserID != nil, tier == nil, problems.isEmpty { problems.add("tier", "Choose a tier for the adviser's caseload") }
        var need: LevelOfNeed?
        if let text = form.levelOfNeed, !text.isEmpty {
            need = try? LevelOfNeed.parse(text)
            if need == nil { problems.add("level-of-need", "Choose a level of need from the list (NCCIS: '\(text.prefix(4))' is not a level of need)") }
        }
        guard problems.isEmpty else { return try await page(record, context, form: form, problems: problems, status: .unprocessableContent) }
        try await casework.assign(adviser: adviserID, tier: tier, need: need, on: record, at: services.now())
        return .redirect(to: Paths.person(record.personID, saved: .caseload), type: .normal)
    }

    private func page(
        _ record: RecordForChange, _ context: StaffContext, form: CaseloadForm?, problems: FormProblems, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let person = try await casework.person(record, form: "caseload", at: services.now())
        let advisers = try await casework.advisers(for: context.grant)
        let today = CalendarDate.today(from: services.now())
        let chosenAdviser = form?.adviser ?? record.placement.adviserID.map(String.init) ?? ""
        let chosenTier = form?.tier ?? record.placement.tier.map(String.init) ?? ""
        let chosenNeed = form?.levelOfNeed ?? person.need(on: today).map { String($0.levelOfNeed.rawValue) } ?? ""
        let page = CaseloadPage(
            frame: CaseworkFrame(user: context.user, csrf: context.csrf, person: person, problems: problems),
            advisers: [Choice(value: "", label: "No adviser", selected: chosenAdviser.isEmpty)]
                + advisers.map { Choice(value: String($0.id), label: $0.displayName, selected: String($0.id) == chosenAdviser) },
            tiers: CaseloadTier.allCases.map { Choice(value: String($0.rawValue), label: $0.meaning, selected: String($0.rawValue) == chosenTier) },
            needs: LevelOfNeed.allCases.map { Choice(value: String($0.rawValue), label: "\($0.rawValue) – \($0.meaning)", selected: String($0.rawValue) == chosenNeed) },
            problems: problems)
        return try templates.render(page, status: status)
    }
}

struct CaseloadPage: PageModel {
    static let template = "record-caseload"

    let title: String
    let frame: CaseworkFrame
    let advisers: [Choice]
    let tiers: [Choice]
    let needs: [Choice]
    let adviserError: FieldView
    let tierError: FieldView
    let needError: FieldView

    init(frame: CaseworkFrame, advisers: [Choice], tiers: [Choice], needs: [Choice], problems: FormProblems) {
        title = "Adviser, tier and level of need – \(frame.personName)"
        self.frame = frame
        self.advisers = advisers
        self.tiers = tiers
        self.needs = needs
        adviserError = FieldView(nil, "adviser", problems)
        tierError = FieldView(nil, "tier", problems)
        needError = FieldView(nil, "level-of-need", problems)
    }
}
