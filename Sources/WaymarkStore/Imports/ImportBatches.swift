import Foundation
import SQLKit
public import WaymarkRecords

extension ChangeTransaction {
    /// The batch for a file, started now or found from an earlier run of the same bytes.
    /// `flow` is the data-flow register entry the file came in by; the audit event names it.
    public func importBatch(fileHash: String, fileName: String, kind: String, flow: String, rowsRead: Int) async throws -> ImportBatch {
        if let row = try await db.select().columns("id", "finished_at").from("import_batch").where("file_hash", .equal, fileHash).first() {
            let id = try row.decode(column: "id", as: Int64.self)
            let done = try await db.select().column("row_number").from("import_row").where("batch_id", .equal, id)
                .all(decodingColumn: "row_number", as: Int.self)
            return ImportBatch(id: id, doneRows: Set(done), finished: try row.decode(column: "finished_at", as: String?.self) != nil)
        }
        let id = try await insertReturningID(
            into: "import_batch", [("file_hash", fileHash), ("file_name", String(fileName.prefix(200))), ("kind", kind), ("rows_read", rowsRead)])
        try await audit(.import, entity: "import_batch", entityID: id, personID: nil, detail: "\(kind); flow=\(flow)")
        return ImportBatch(id: id, doneRows: [], finished: false)
    }

    /// Marks a row dealt with, in the same transaction as what it changed.
    public func recordImportRow(batchID: Int64, row: Int, outcome: ImportOutcome, personID: Int64?, exceptionID: Int64?) async throws {
        try await db.insert(into: "import_row").columns("batch_id", "row_number", "outcome", "person_id", "exception_id")
            .values(SQLBind(batchID), SQLBind(row), SQLBind(outcome.rawValue), SQLBind(personID), SQLBind(exceptionID)).run()
    }

    public func finishImportBatch(_ id: Int64) async throws {
        try await db.update("import_batch").set("finished_at", to: recordedAt).where("id", .equal, id).where("finished_at", .is, SQLLiteral.null).run()
    }
}

public struct ImportBatchQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    public typealias Summary = ImportBatchSummary

    /// The latest imports, newest first.
    public func recent(limit: Int = 20) async throws -> [Summary] {
        try await db.select().columns("id", "file_name", "kind", "rows_read", "recorded_at", "finished_at").from("import_batch")
            .orderBy("id", .descending).limit(limit).all().map { row in
                Summary(id: try row.decode(column: "id", as: Int64.self), fileName: try row.decode(column: "file_name", as: String.self),
                        kind: try row.decode(column: "kind", as: String.self), rowsRead: try row.decode(column: "rows_read", as: Int.self),
                        importedAt: try row.decode(column: "recorded_at", as: String.self),
                        finished: try row.decode(column: "finished_at", as: String?.self) != nil)
            }
    }

    /// One batch with who sent it (its provenance), or nil.
    public func batch(_ id: Int64) async throws -> (summary: Summary, recordedBy: Int64?)? {
        guard let row = try await db.select().columns("id", "file_name", "kind", "rows_read", "recorded_at", "finished_at", "recorded_by")
            .from("import_batch").where("id", .equal, id).first()
        else { return nil }
        let summary = Summary(
            id: try row.decode(column: "id", as: Int64.self), fileName: try row.decode(column: "file_name", as: String.self),
            kind: try row.decode(column: "kind", as: String.self), rowsRead: try row.decode(column: "rows_read", as: Int.self),
            importedAt: try row.decode(column: "recorded_at", as: String.self), finished: try row.decode(column: "finished_at", as: String?.self) != nil)
        return (summary, try row.decode(column: "recorded_by", as: Int64?.self))
    }

    /// A batch's rows left in the exception queue, after a row number, in row order.
    public func exceptedRows(of batchID: Int64, after row: Int, limit: Int) async throws -> [(row: Int, exceptionID: Int64)] {
        try await db.select().columns("row_number", "exception_id").from("import_row")
            .where("batch_id", .equal, batchID).where("outcome", .equal, ImportOutcome.excepted.rawValue)
            .where("row_number", .greaterThan, row).where("exception_id", .isNot, SQLLiteral.null)
            .orderBy("row_number").limit(limit).all().map { found in
                (try found.decode(column: "row_number", as: Int.self), try found.decode(column: "exception_id", as: Int64.self))
            }
    }

    /// How many rows of a batch ended each way.
    public func outcomes(of batchID: Int64) async throws -> [ImportOutcome: Int] {
        var counts: [ImportOutcome: Int] = [:]
        for row in try await db.raw("SELECT outcome, COUNT(*) AS n FROM import_row WHERE batch_id = \(bind: batchID) GROUP BY outcome").all() {
            if let outcome = ImportOutcome(rawValue: try row.decode(column: "outcome", as: String.self)) {
                counts[outcome] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }
}
