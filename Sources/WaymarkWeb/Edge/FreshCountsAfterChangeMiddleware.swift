import HTTPTypes
import Hummingbird

/// A change made here shows in the home page's LA counts at once: after any
/// form posted to this server succeeds, the cached counts are set aside and
/// the next home page counts again (one indexed read of the stored
/// positions). Without it an adviser who verified an answer saw the
/// not-known count they had just changed for up to two minutes. Changes
/// made by jobs or other servers still show within the cache's lifetime.
struct FreshCountsAfterChangeMiddleware<Context: RequestContext>: RouterMiddleware {
    let counts: HeadlineCountsCache
    let dashboard: LADashboardCache

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        if request.method == .post, response.status.code < 400 {
            await counts.changed()
            await dashboard.changed()
        }
        return response
    }
}
