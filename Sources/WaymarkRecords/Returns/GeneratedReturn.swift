public import WaymarkCore

/// A statutory file Waymark produced: what period, how many records and
/// findings, and the checksum that proves which file was sent.
public struct GeneratedReturn: Sendable, Equatable, Codable {
    public var kind: String
    public var laCode: String
    public var periodEnd: CalendarDate
    public var records: Int
    public var findings: Int
    public var rejectingFindings: Int
    public var sha256: String
    public var byteCount: Int64
    public var fileName: String

    public init(
        kind: String, laCode: String, periodEnd: CalendarDate, records: Int, findings: Int, rejectingFindings: Int,
        sha256: String, byteCount: Int64, fileName: String
    ) {
        self.kind = kind
        self.laCode = laCode
        self.periodEnd = periodEnd
        self.records = records
        self.findings = findings
        self.rejectingFindings = rejectingFindings
        self.sha256 = sha256
        self.byteCount = byteCount
        self.fileName = fileName
    }
}
