import Foundation
import Hummingbird
import WaymarkApp

/// Every table's and list's two downloads: the links a page shows, and the
/// response that streams the file as the use case writes it.
enum Downloads {
    /// The file, sent while it is written; never kept by a browser's or proxy's cache.
    static func response(_ download: ExportDownload) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = download.contentType
        headers[.contentDisposition] = "attachment; filename=\"\(download.fileName)\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await download.write { data in try await writer.write(ByteBuffer(bytes: data)) }
            try await writer.finish(nil)
        })
    }

    /// The `format` asked for: nil for the page itself.
    static func format(_ request: Request) throws -> ExportFormat? {
        try ExportFormat(query: request.uri.queryParameters.get("format"))
    }
}

/// "Download CSV" and "Download Excel (.xlsx)" under a table: the same
/// address as the page, with its filters, and a format.
struct DownloadLinks: Sendable {
    let csv: String
    let xlsx: String
    /// A paged list's download holds every page, and its links say so.
    let allPages: Bool

    init(path: String, query: [URLQueryItem] = [], allPages: Bool = false) {
        let kept = query.filter { !["format", "page", "select", "saved", "assigned", "assign-problem"].contains($0.name) }
        csv = QueueParameters.path(path, kept + [URLQueryItem(name: "format", value: ExportFormat.csv.rawValue)])
        xlsx = QueueParameters.path(path, kept + [URLQueryItem(name: "format", value: ExportFormat.xlsx.rawValue)])
        self.allPages = allPages
    }

    /// The request's own query, as the page was asked for.
    init(_ request: Request, allPages: Bool = false) {
        let items = URLComponents(string: "http://x" + (request.uri.query.map { "/?" + $0 } ?? "/"))?.queryItems ?? []
        self.init(path: request.uri.path, query: items, allPages: allPages)
    }
}
