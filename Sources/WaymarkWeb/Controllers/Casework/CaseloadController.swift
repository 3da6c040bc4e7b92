import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// Assigning a young person to an adviser, with a tier and level of need:
/// for managers and data managers. One transaction, audited.
struct CaseloadController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get("people/:id/caseload", use: edit)
            .post("people/:id/caseload", use: save)
    }

    struct CaseloadForm: Decodable {
        var adviser: String?
        var tier: String?
        var levelOfNeed: String?
        enum CodingKeys: String, CodingKey { case adviser, tier, levelOfNeed = "level-of-need" }
    }

    func edit(_ request: Request, context: WebContext) async throws -> Response {
        let record = try await EditableRecord.load(context, services: services, need: .assign)
        return try await page(record, context, form: nil, problems: FormProblems())
    }

    func save(_ request: Request, context: WebContext) async throws -> Response {
        let record = try await EditableRecord.load(context, services: services, need: .assign)
        let form = try await request.decodeForm(as: CaseloadForm.self, context: context)
        var problems = FormProblems()
        let advisers = try await UserQueries(store: services.store).advisers(organisationID: record.user.organisationID)
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
        let today = CalendarDate.today(from: services.now())
        let person = try await PersonBundleReader(store: services.store, registry: services.registry).person(record.personID, responsibleLA: record.scope.laCode)
        let current = person?.need(on: today)
        let (chosenAdviser, chosenTier, chosenNeed) = (adviserID, tier, need)
        try await services.store.change(by: .user(record.user.id), at: services.now()) { tx in
            if chosenAdviser != record.placement.adviserID || chosenTier?.rawValue != record.placement.tier {
                try await tx.assignCaseload(of: record.personID, adviserID: chosenAdviser, tier: chosenAdviser == nil ? nil : chosenTier, since: today)
            }
            if let need = chosenNeed, need != current?.levelOfNeed {
                try await tx.recordNeed(
                    NeedAssessment(levelOfNeed: need, hasSEND: current?.hasSEND ?? false, hasSENSupport: current?.hasSENSupport ?? false, validFrom: today),
                    for: record.personID)
            }
        }
        return .redirect(to: "/people/\(record.personID)?saved=caseload", type: .normal)
    }

    private func page(_ record: EditableRecord, _ context: WebContext, form: CaseloadForm?, problems: FormProblems, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let person = try await PersonBundleReader(store: services.store, registry: services.registry).person(record.personID, responsibleLA: record.scope.laCode)
        else { throw HTTPError(.notFound) }
        let advisers = try await UserQueries(store: services.store).advisers(organisationID: record.user.organisationID)
        let today = CalendarDate.today(from: services.now())
        let chosenAdviser = form?.adviser ?? record.placement.adviserID.map(String.init) ?? ""
        let chosenTier = form?.tier ?? record.placement.tier.map(String.init) ?? ""
        let chosenNeed = form?.levelOfNeed ?? person.need(on: today).map { String($0.levelOfNeed.rawValue) } ?? ""
        let page = CaseloadPage(
            frame: CaseworkFrame(user: record.user, csrf: context.csrfToken ?? "", person: person, problems: problems),
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
