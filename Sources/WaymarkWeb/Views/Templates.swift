import Foundation
import Hummingbird
import Mustache
import WaymarkRecords

/// The page templates, loaded once at start-up from the bundle.
public struct Templates: Sendable {
    let library: MustacheLibrary
    /// Each role's navigation, rendered once: it depends on the role alone, and every page carries it.
    let navigations: [Role: String]

    init(library: MustacheLibrary) {
        self.library = library
        navigations = Dictionary(uniqueKeysWithValues: Role.allCases.map { role in
            let navigation = Navigation(role: role)
            return (role, library.render(ReflectedModel.wrap(navigation) ?? navigation, withTemplate: "navigation") ?? "")
        })
    }

    public static func load() async throws -> Templates {
        guard let directory = Bundle.module.path(forResource: "templates", ofType: nil, inDirectory: "Resources") else {
            throw TemplateError.missingDirectory
        }
        let library = try await MustacheLibrary(directory: directory)
        // Fail at start-up, not on the first request, if the bundle is incomplete.
        for name in ["layout", "navigation", SignInPage.template, HomePage.template, ErrorPage.template, ReadinessPage.template, FiguresPage.template, SurveyPage.template, PersonPage.template, SearchPage.template, CaseloadListPage.template, UsersPage.template, ContactPage.template, ActivityPage.template, CaseloadPage.template, DetailsPage.template, QueuesPage.template, FollowUpPage.template, AppointmentPage.template, BreakGlassPage.template, BreakGlassReviewPage.template, AccessLogPage.template, "home-notices", "pagination", "page-numbers", "account-header", PortalLeaversPage.template, PortalDestinationsPage.template, PortalStudentsPage.template, PortalPupilPage.template, PortalUploadPage.template, ReferralsPage.template, ReferralPage.template, ReferralNewPage.template, KnownToPage.template] where library.getTemplate(named: name) == nil {
            throw TemplateError.missingTemplate(name)
        }
        return Templates(library: library)
    }

    /// Where the layout wants the signed-in user's navigation.
    static let navigationMarker = "<!--waymark:navigation-->"

    /// The layout's marker replaced by the navigation, found in the UTF-8
    /// bytes: Foundation's `replacingOccurrences` copied every page into
    /// UTF-16 to look for it.
    static func placing(_ navigation: String, in html: String) -> String {
        let marker = Array(navigationMarker.utf8)
        let bytes = Array(html.utf8)
        guard bytes.count >= marker.count, let first = marker.first else { return html }
        var index = 0
        while index <= bytes.count - marker.count {
            if bytes[index] == first, bytes[index..<(index + marker.count)].elementsEqual(marker) {
                var joined = bytes[..<index] + Array(navigation.utf8)
                joined += bytes[(index + marker.count)...]
                return String(decoding: joined, as: UTF8.self)
            }
            index += 1
        }
        return html
    }

    /// Renders a page's view model; a missing template is a server error, never a crash.
    func render<Page: PageModel>(_ page: Page, status: HTTPResponse.Status = .ok) throws -> Response {
        guard var html = library.render(ReflectedModel.wrap(page) ?? page, withTemplate: Page.template) else {
            throw TemplateError.missingTemplate(Page.template)
        }
        let navigation = Navigation.current.flatMap { navigations[$0.role] } ?? ""
        html = Self.placing(navigation, in: html)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// A typed view model for one page, named after its `.mustache` file.
protocol PageModel: Sendable {
    static var template: String { get }
}

enum TemplateError: Error {
    case missingDirectory
    case missingTemplate(String)
}
