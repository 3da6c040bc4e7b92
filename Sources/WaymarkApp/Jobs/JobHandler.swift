import Foundation
public import WaymarkRecords
public import WaymarkStore

/// Does one kind of job. Handlers must be safe to run again: a job whose
/// worker stopped is claimed by another and starts from the beginning.
public protocol JobHandler: Sendable {
    func run(_ job: StoredJob, progress: JobProgress) async throws -> JobOutcome
}

/// What a finished job leaves for the page: a JSON result, and where a file went.
public struct JobOutcome: Sendable, Equatable {
    public let result: String?
    public let reference: String?

    public init(result: String? = nil, reference: String? = nil) {
        self.result = result
        self.reference = reference
    }

    /// Encodes a result value as JSON.
    public static func json(_ value: some Encodable, reference: String? = nil) throws -> JobOutcome {
        JobOutcome(result: String(decoding: try JSONEncoder().encode(value), as: UTF8.self), reference: reference)
    }
}

/// A failure whose message is meant for the person who asked (no personal data).
public struct JobFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ message: String) {
        description = message
    }
}

/// How a handler reports how far it has got; each report also keeps the claim fresh.
public struct JobProgress: Sendable {
    let report: @Sendable (_ done: Int, _ total: Int?) async throws -> Void

    public init(_ report: @escaping @Sendable (_ done: Int, _ total: Int?) async throws -> Void) {
        self.report = report
    }

    public func callAsFunction(done: Int, total: Int?) async throws {
        try await report(done, total)
    }

    /// For readers that take `(done, total)`.
    public var reader: PersonBundleReader.ReadProgress {
        { done, total in try await report(done, total) }
    }
}

/// A job's stored result, decoded.
extension StoredJob {
    public func decodedResult<Value: Decodable>(as type: Value.Type) throws -> Value? {
        guard let result else { return nil }
        return try JSONDecoder().decode(Value.self, from: Data(result.utf8))
    }
}
