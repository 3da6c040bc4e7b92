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
            JobKind.riskScores.rawValue: RiskScoresJob(jobs: self),
            JobKind.riskBackTest.rawValue: RiskBackTestJob(jobs: self),
            JobKind.referralReminders.rawValue: ReferralRemindersJob(jobs: self),
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

/// Every figure for the month end asked for, the headline trend of the
/// 24 month ends up to it and the September Guarantee week by week through
/// the autumn, kept whole so the page needs no computing.
public struct FiguresJobResult: Sendable, Codable {
    /// Results stored before the trend was kept apart held twelve whole months here.
    public let report: FiguresReport
    /// Nil in results stored before the trend was kept apart (their trend is the report's twelve months).
    public let trend: HeadlineTrend?
    /// The September Guarantee week by week up to the month end; nil in results stored before it was kept.
    public let guaranteeProgress: GuaranteeProgress?
    public let skipped: Int

    public init(report: FiguresReport, trend: HeadlineTrend?, guaranteeProgress: GuaranteeProgress? = nil, skipped: Int) {
        self.report = report
        self.trend = trend
        self.guaranteeProgress = guaranteeProgress
        self.skipped = skipped
    }

    /// The trend to draw: the one kept, or the headline of each month an older result holds.
    public var headlineTrend: HeadlineTrend { trend ?? HeadlineTrend(report: report) }
}

struct FiguresJob: JobHandler {
    let jobs: StandardJobs

    func run(_ job: StoredJob, progress: JobProgress) async throws -> JobOutcome {
        guard case .figures(let monthEnd) = try jobs.request(job) else { throw JobFailure("A figures job was asked for something else.") }
        return try .json(try await jobs.figures(monthEnd: monthEnd, progress: progress.reader))
    }
}

extension StandardJobs {
    /// Two years, so that each month of the year shown has the same month a year before it.
    public static let trendMonths = 24

    /// What the figures job computes and keeps: every figure for the month
    /// end, and the headline alone for the 24 month ends up to it, in one read.
    public func figures(monthEnd: CalendarDate, progress: PersonBundleReader.ReadProgress? = nil) async throws -> FiguresJobResult {
        let trendDates = FiguresReport.monthEnds(from: monthEnd.adding(months: 1 - Self.trendMonths), through: monthEnd)
        let figures = StatutoryFigures(store: store, registry: registry, laCode: laCode, classifier: classifier)
        let computed = try await figures.figures(
            at: [monthEnd], trendAt: trendDates, guaranteeAt: GuaranteeProgress.dates(through: monthEnd), progress: progress)
        return FiguresJobResult(report: computed.report, trend: computed.trend, guaranteeProgress: computed.guarantee, skipped: computed.skipped)
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
