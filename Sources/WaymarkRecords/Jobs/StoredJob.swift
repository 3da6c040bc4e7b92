public import Foundation

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

    public init(id: Int64, kind: String, requestKey: String, parameters: String, status: JobStatus, progressDone: Int, progressTotal: Int?,
        result: String?, resultReference: String?, error: String?, requestedBy: Int64?, requestedAt: Date, claimedBy: String?, claims: Int,
        startedAt: Date?, heartbeatAt: Date?, finishedAt: Date?, durationMilliseconds: Int64?) {
        self.id = id
        self.kind = kind
        self.requestKey = requestKey
        self.parameters = parameters
        self.status = status
        self.progressDone = progressDone
        self.progressTotal = progressTotal
        self.result = result
        self.resultReference = resultReference
        self.error = error
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.claimedBy = claimedBy
        self.claims = claims
        self.startedAt = startedAt
        self.heartbeatAt = heartbeatAt
        self.finishedAt = finishedAt
        self.durationMilliseconds = durationMilliseconds
    }
}
