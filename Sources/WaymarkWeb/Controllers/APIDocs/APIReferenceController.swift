import Hummingbird
import WaymarkAPI

/// The API's reference page, public like the document it is made from.
struct APIReferenceController {
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.get("api", use: show)
        return routes
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        try templates.render(APIReferencePage(.shipped))
    }
}
