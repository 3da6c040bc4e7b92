public import Foundation
public import WaymarkCore
import WaymarkRecords
public import WaymarkStore

/// The handlers `waymark serve` runs, one per kind, over the existing use cases.
public struct StandardJobs: Sendable {
    let store: Store
    let registry: LocalAuthorityRegistry
    let laCode: LocalAuthorityCode
    let classifier: ParticipationClassifier
    /// Where return files are written, as the returns page always kept them.
    let returnsDirectory: String
    /// How long return files are kept; older ones go when a new return is written.
    let returnRetention: ReturnRetention
    let now: @Sendable () -> Date

    public init(
        store: Store, registry: LocalAuthorityRegistry, laCode: LocalAuthorityCode, classifier: ParticipationClassifier = ParticipationClassifier(),
        returnsDirectory: String, returnRetention: ReturnRetention = .standard, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.registry = registry
        self.laCode = laCode
        self.classifier = classifier
        self.returnsDirectory = returnsDirectory
        self.returnRetention = returnRetention
        self.now = now
    }

    public var handlers: [String: any JobHandler] {
        [
            JobKind.figures.rawValue: FiguresJob(jobs: self),
            JobKind.readiness.rawValue: ReadinessJob(jobs: self),
            JobKind.nccisReturn.rawValue: ReturnJob(jobs: self),
            JobKind.duplicateScan.rawValue: DuplicateScanJob(jobs: self),
            JobKind.positions.rawValue: PositionsJob(jobs: self),
            JobKind.activitySurvey.rawValue: SurveyJob(jobs: self),
            JobKind.retentionReport.rawValue: RetentionReportJob(jobs: self),
        ]
    }

    var returnBuilder: NCCISReturnBuilder {
        NCCISReturnBuilder(store: store, registry: registry, laCode: laCode, currency: classifier.currency)
    }

    func request(_ job: StoredJob) throws -> JobRequest {
        do {
            return try JobRequest.decode(job.parameters)
        } catch {
            throw JobFailure("The job's parameters could not be read.")
        }
    }
}

/// Figures for twelve month ends, kept whole so the page needs no computing.
public struct FiguresJobResult: Sendable, Codable {
    public let report: FiguresReport
    public let skipped: Int
}

struct FiguresJob: JobHandler {
    let jobs: StandardJobs

    func run(_ job: StoredJob, progress: JobProgress) async throws -> JobOutcome {
        guard case .figures(let monthEnd) = try jobs.request(job) else { throw JobFailure("A figures job was asked for something else.") }
        let trend = FiguresReport.monthEnds(from: monthEnd.adding(months: -11), through: monthEnd)
        let figures = StatutoryFigures(store: jobs.store, registry: jobs.registry, laCode: jobs.laCode, classifier: jobs.classifier)
        let (report, skipped) = try await figures.figures(at: trend, progress: progress.reader)
        return try .json(FiguresJobResult(report: report, skipped: skipped))
    }
}

struct ReadinessJob: JobHandler {
    let jobs: StandardJobs

    func run(_ job: StoredJob, progress: JobProgress) async throws -> JobOutcome {
        guard case .readiness(let periodEnd) = try jobs.request(job) else { throw JobFailure("A readiness job was asked for something else.") }
        let readiness = try await jobs.returnBuilder.build(
            periodEnd: periodEnd, dateOfSend: CalendarDate.today(from: jobs.now()), progress: progress.reader)
        return try .json(readiness)
    }
}

struct DuplicateScanJob: JobHandler {
    let jobs: StandardJobs

    func run(_ job: StoredJob, progress: JobProgress) async throws -> JobOutcome {
        guard case .duplicateScan(let scope) = try jobs.request(job) else { throw JobFailure("A scan job was asked for something else.") }
        // Queuing a pair already queued or decided does nothing, so a scan run twice queues each pair once.
        return try .json(try await DuplicateScanner(store: jobs.store).scan(scope, now: jobs.now()))
    }
}
