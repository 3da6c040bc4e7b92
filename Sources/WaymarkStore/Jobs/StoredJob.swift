public import Foundation
import SQLKit

/// Where a job is in its life. `running` is claimed by a worker that keeps
/// its heartbeat fresh; one whose heartbeat stops is claimed again.
public enum JobStatus: String, CaseIterable, Sendable {
    case queued, running, done, failed

    public var isActive: Bool { self == .queued || self == .running }
}

/// A job as the table holds it.
public struct StoredJob: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let kind: String
    /// The kind and its parameters, canonical: identical requests share it.
    public let requestKey: String
    /// The parameters as JSON, for the handler.
    public let parameters: String
    public let status: JobStatus
    public let progressDone: Int
    public let progressTotal: Int?
    /// A handler's result as JSON (figures, readiness, a scan's summary).
    public let result: String?
    /// Where a result too large for the row lives (a return's file name).
    public let resultReference: String?
    public let error: String?
    public let requestedBy: Int64?
    public let requestedAt: Date
    public let claimedBy: String?
    /// How many times a worker has claimed it (more than one after a worker stopped).
    public let claims: Int
    public let startedAt: Date?
    public let heartbeatAt: Date?
    public let finishedAt: Date?
    /// How long the last run took, measured by the worker's monotonic clock.
    public let durationMilliseconds: Int64?

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
