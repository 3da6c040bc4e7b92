import Foundation
import SQLKit
import WaymarkRecords

/// Reads a job row.
extension StoredJob {
    static func decode(_ row: any SQLRow) throws -> StoredJob {
        func date(_ column: String) throws -> Date? { try row.decode(column: column, as: String?.self).flatMap(Timestamp.parse) }
        let statusText = try row.decode(column: "status", as: String.self)
        guard let status = JobStatus(rawValue: statusText) else {
            throw StoreError.invalidStoredValue(table: "job", column: "status", value: statusText)
        }
        return StoredJob(
            id: try row.decode(column: "id", as: Int64.self), kind: try row.decode(column: "kind", as: String.self),
            requestKey: try row.decode(column: "request_key", as: String.self), parameters: try row.decode(column: "parameters", as: String.self),
            status: status, progressDone: try row.decode(column: "progress_done", as: Int.self),
            progressTotal: try row.decode(column: "progress_total", as: Int?.self), result: try row.decode(column: "result", as: String?.self),
            resultReference: try row.decode(column: "result_reference", as: String?.self), error: try row.decode(column: "error", as: String?.self),
            requestedBy: try row.decode(column: "requested_by", as: Int64?.self), requestedAt: try date("requested_at") ?? Date(timeIntervalSince1970: 0),
            claimedBy: try row.decode(column: "claimed_by", as: String?.self), claims: try row.decode(column: "claims", as: Int.self),
            startedAt: try date("started_at"), heartbeatAt: try date("heartbeat_at"), finishedAt: try date("finished_at"),
            durationMilliseconds: try row.decode(column: "duration_ms", as: Int64?.self))
    }
}
