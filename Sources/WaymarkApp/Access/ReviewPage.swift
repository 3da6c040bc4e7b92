/// One page of a list read newest first, a fixed number at a time. A page
/// is marked by the id it starts below, not by a count from the top: new
/// rows arrive while someone reads (viewing the access log adds to it), and
/// a counted offset would then show a row twice.
public struct ReviewPage<Item: Identifiable & Sendable>: Sendable where Item.ID == Int64 {
    public let items: [Item]
    /// The id this page starts below; nil for the newest page.
    public let before: Int64?
    /// Where the next, older page starts; nil when this is the last.
    public let older: Int64?

    /// How many rows each page holds.
    public static var size: Int { 50 }

    /// Reads one row more than a page holds, to know whether there is an older page.
    static func read(before: Int64?, _ rows: (_ before: Int64?, _ limit: Int) async throws -> [Item]) async throws -> ReviewPage {
        let read = try await rows(before, size + 1)
        let shown = Array(read.prefix(size))
        return ReviewPage(items: shown, before: before, older: read.count > size ? shown.last?.id : nil)
    }

    /// What the audit trail records of the page shown: "before=140; ids=139..90", or "newest; ids=…".
    var auditDescription: String {
        var parts = [before.map { "before=\($0)" } ?? "newest"]
        if let newest = items.first?.id, let oldest = items.last?.id { parts.append("ids=\(newest)..\(oldest)") }
        return parts.joined(separator: "; ")
    }
}
