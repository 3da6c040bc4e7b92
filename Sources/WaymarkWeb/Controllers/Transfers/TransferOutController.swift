import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// A data manager moves a young person to another authority: the page
/// names what the package carries and what stays behind; the post records
/// cohort status T with the LA moved to and downloads the signed package.
struct TransferOutController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.transferPeople)
            .get("people/:id/transfer", use: show)
            .post("people/:id/transfer", use: export)
        return routes
    }

    struct Form: Decodable, Sendable {
        var to: String?
        var movedOn: String?
    }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let view = try await services.app.transfers.transferOutView(for: context.grant, person: try context.personID(), at: services.now())
        return try templates.render(TransferOutPage(user: context.user, csrf: context.csrf, view: view, today: CalendarDate.today(from: services.now())))
    }

    func export(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let form = try await request.decodeForm(as: Form.self, context: context)
        let now = services.now()
        var problems: [String] = []
        if (form.to ?? "").isEmpty { problems.append("Choose the authority the young person moved to") }
        let movedOn = try? CalendarDate(iso: form.movedOn ?? "", field: "movedOn")
        if movedOn == nil { problems.append("Enter the day the move took effect as YYYY-MM-DD") }
        guard problems.isEmpty, let to = form.to, let movedOn else {
            let view = try await services.app.transfers.transferOutView(for: context.grant, person: person, at: now)
            let page = TransferOutPage(user: context.user, csrf: context.csrf, view: view, today: CalendarDate.today(from: now), problems: problems, chosen: form.to)
            return try templates.render(page, status: .unprocessableContent)
        }
        let file = try await services.app.transfers.export(for: context.grant, person: person, to: to, movedOn: movedOn, at: now)
        context.logger.notice("transfer out", metadata: ["person": "\(person)", "transfer": "\(file.transferID)", "user": "\(context.user.id)"])
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.contentDisposition] = "attachment; filename=\"\(file.fileName)\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }
}

struct TransferOutPage: PageModel {
    static let template = "transfer-out"

    struct Sent: Sendable {
        let to: String
        let movedOn: String
        let withheld: String
        let sha: String
        /// The receiving authority's answer, once its acknowledgement was imported.
        let answer: String
    }

    struct Destination: Sendable {
        let code: String
        let name: String
        let selected: Bool
    }

    let title = "Move to another authority"
    let userName: String
    let role: String
    let csrf: String
    let personID: Int64
    let name: String
    let status: String
    let sent: [Sent]
    let hasSent: Bool
    let destinations: [Destination]
    let today: String
    let problems: [String]
    let hasProblems: Bool

    init(user: StoredUser, csrf: String, view: TransferOutView, today: CalendarDate, problems: [String] = [], chosen: String? = nil) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        personID = view.personID
        name = view.name
        status = view.cohortStatus == "T" ? "Moved to LA \(view.transferredTo ?? "") (cohort status T)" : "Cohort status \(view.cohortStatus)"
        sent = view.sent.reversed().map {
            Sent(to: $0.toLA, movedOn: $0.movedOn, withheld: $0.withheldClasses.compactMap { SensitivityClass(rawValue: $0)?.label }.joined(separator: ", "),
                 sha: String($0.packageSHA256.prefix(16)),
                 answer: $0.acknowledgement.map { TransfersPage.answer($0).capitalisingFirst } ?? "No answer yet")
        }
        hasSent = !sent.isEmpty
        destinations = view.destinations.map { Destination(code: $0.code, name: $0.name, selected: $0.code == chosen) }
        self.today = today.iso
        self.problems = problems
        hasProblems = !problems.isEmpty
    }
}

extension String {
    var capitalisingFirst: String { prefix(1).uppercased() + dropFirst() }
}
