import WaymarkFormats

/// The two downloads every table and list offers: CSV, and an Excel workbook.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv
    case xlsx

    public var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: WorkbookWriter.contentType
        }
    }

    /// The `format` a page's download link carries: nil means the page itself; anything else unknown is refused.
    public init?(query value: String?) throws {
        guard let value, !value.isEmpty, value != "html" else { return nil }
        guard let format = ExportFormat(rawValue: value) else {
            throw Refusal.badRequest("format: choose csv or xlsx for a download, or leave it out for the page.")
        }
        self = format
    }
}
