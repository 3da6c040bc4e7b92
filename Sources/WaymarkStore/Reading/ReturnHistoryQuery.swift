import SQLKit
import WaymarkCore
public import WaymarkRecords

/// The returns an LA has generated, newest first.
public struct ReturnHistoryQuery: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    public func returns(laCode: String, limit: Int = 50) async throws -> [StoredReturn] {
        try await db.select().column("*").from("generated_return")
            .where("la_code", .equal, laCode)
            .orderBy("generated_at", .descending).orderBy("id", .descending)
            .limit(limit)
            .all()
            .map { row in
                StoredReturn(
                    id: try row.decode(column: "id", as: Int64.self),
                    generated: GeneratedReturn(
                        kind: try row.decode(column: "kind", as: String.self), laCode: try row.decode(column: "la_code", as: String.self),
                        periodEnd: try StoredRowDecoding.date(row, "period_end"), records: try row.decode(column: "records", as: Int.self),
                        findings: try row.decode(column: "findings", as: Int.self),
                        rejectingFindings: try row.decode(column: "rejecting_findings", as: Int.self),
                        sha256: try row.decode(column: "sha256", as: String.self), byteCount: try row.decode(column: "byte_count", as: Int64.self),
                        fileName: try row.decode(column: "file_name", as: String.self)),
                    generatedBy: try row.decode(column: "generated_by", as: Int64?.self),
                    generatedAt: try row.decode(column: "generated_at", as: String.self))
            }
    }
}
