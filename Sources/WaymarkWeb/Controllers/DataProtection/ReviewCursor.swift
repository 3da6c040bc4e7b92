import Hummingbird

/// The `?before=` of a paged list: absent means the newest page; anything
/// but a positive whole number is a clear 400 rather than a guess.
enum ReviewCursor {
    static func of(_ request: Request) throws -> Int64? {
        guard let text = request.uri.queryParameters.get("before") else { return nil }
        guard let id = Int64(text), id > 0 else {
            throw HTTPError(.badRequest, message: "The list can only start below a positive whole number. Go back to the newest entries and page from there.")
        }
        return id
    }
}

/// "Newest entries" and "Older entries" links under a paged list.
struct PaginationView: Sendable {
    let newest: String?
    let older: String?
    let isPaged: Bool

    init(path: String, before: Int64?, older: Int64?) {
        newest = before == nil ? nil : path
        self.older = older.map { "\(path)?before=\($0)" }
        isPaged = newest != nil || self.older != nil
    }
}
