import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkRecords

/// Subject access for data managers: a page saying what the pack will hold,
/// and the button that makes and downloads it. Producing it is a POST (with
/// the form's token): it is audited as an export, and a link must not make one.
struct SubjectAccessController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.subjectAccess)
            .get("people/:id/subject-access", use: show)
            .post("people/:id/subject-access", use: produce)
        return routes
    }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let preview = try await services.app.subjectAccess.preview(for: context.grant, person: try context.personID(), at: services.now())
        return try templates.render(SubjectAccessPage(user: context.user, csrf: context.csrf, preview: preview))
    }

    func produce(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let file = try await services.app.subjectAccess.produce(for: context.grant, person: person, at: services.now())
        context.logger.notice("subject access pack produced", metadata: ["person": "\(person)", "user": "\(context.user.id)", "bytes": "\(file.data.count)"])
        var headers = HTTPFields()
        headers[.contentType] = "application/zip"
        headers[.contentDisposition] = "attachment; filename=\"\(file.fileName)\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }
}

/// What the pack will hold, before it is made.
struct SubjectAccessPage: PageModel {
    static let template = "subject-access"

    struct Count: Sendable {
        let title: String
        let count: String
    }

    let title: String
    let userName: String
    let role: String
    let csrf: String
    let personID: Int64
    let name: String
    let counts: [Count]
    let views: String
    let events: String

    init(user: StoredUser, csrf: String, preview: SubjectAccessPreview) {
        title = "Subject access: \(preview.name)"
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        personID = preview.personID
        name = preview.name
        counts = preview.record.map { Count(title: $0.title, count: $0.count == 0 ? "none" : $0.count.formatted()) }
        views = preview.views.formatted()
        events = preview.events.formatted()
    }
}
