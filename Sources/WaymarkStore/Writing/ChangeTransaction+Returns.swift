import SQLKit
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

extension ChangeTransaction {
    /// Keeps the return's period, counts and checksum, with its audit event.
    @discardableResult
    public func recordGeneratedReturn(_ generated: GeneratedReturn) async throws -> Int64 {
        let row = try await db.insert(into: "generated_return")
            .columns(
                "kind", "la_code", "period_end", "records", "findings", "rejecting_findings", "sha256", "byte_count", "file_name",
                "generated_by", "generated_at"
            )
            .values(
                SQLBind(generated.kind), SQLBind(generated.laCode), SQLBind(generated.periodEnd.iso), SQLBind(generated.records),
                SQLBind(generated.findings), SQLBind(generated.rejectingFindings), SQLBind(generated.sha256),
                SQLBind(generated.byteCount), SQLBind(generated.fileName), SQLBind(actor.userID), SQLBind(recordedAt)
            )
            .returning("id")
            .first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw StoreError.noIDReturned(table: "generated_return") }
        try await audit(
            .export, entity: "generated_return", entityID: id, personID: nil,
            detail: "\(generated.kind) period=\(generated.periodEnd.iso) records=\(generated.records) sha256=\(generated.sha256)")
        return id
    }
}

extension ChangeTransaction {
    /// Audits the removal of a return's file; the history row and its checksum stay.
    public func recordReturnFileRemoved(fileName: String, keptMonths: Int) async throws {
        let row = try await db.select().column("id").from("generated_return").where("file_name", .equal, SQLBind(fileName)).first()
        try await audit(
            .prune, entity: "generated_return", entityID: try row?.decode(column: "id", as: Int64.self), personID: nil,
            detail: "file=\(fileName) kept-months=\(keptMonths)")
    }
}
