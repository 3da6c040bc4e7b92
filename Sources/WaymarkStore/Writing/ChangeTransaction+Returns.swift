import SQLKit
public import WaymarkCore
public import WaymarkRecords

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
            detail: "\(generated.kind) period=\(generated.periodEnd.iso) records=\(generated.records) sha256=\(generated.sha256); flow=\(DataFlowDefaults.Key.nccisReturn)")
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
