import FoundationInternationalization
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The view model of the return readiness page.
struct ReadinessPage: PageModel {
    static let template = "returns"

    struct ErrorRow: Sendable {
        let number: Int
        let priority: Int
        let field: String
        let message: String
        let count: String
        let rejects: Bool
        let examples: [Example]
    }

    struct Example: Sendable {
        let youngPersonsID: String
        let personID: Int64
        /// Nil when the person is outside what this user may see.
        let name: String?
        let detail: String?
    }

    struct HistoryRow: Sendable {
        let id: Int64
        let periodEnd: String
        let records: String
        let findings: String
        let sha256: String
        let generatedAt: String
    }

    /// What a readiness job found, once one has.
    struct Findings: Sendable {
        let records: String
        let findings: String
        let priorityOne: String
        let errors: [ErrorRow]
        let blockers: [String]
        let ready: Bool
        let unreadable: [String]
        // Mustache cannot ask whether a list is empty around a table's opening tag.
        let hasErrors: Bool
        let hasUnreadable: Bool
        let hasFindings: Bool

        init(_ readiness: ReturnReadiness, names: [Int64: String]) {
            records = readiness.records.formatted()
            findings = readiness.findingCount.formatted()
            priorityOne = readiness.count(priority: 1).formatted()
            errors = readiness.errors.map { entry in
                ErrorRow(
                    number: entry.error.number, priority: entry.error.priority, field: entry.error.field, message: entry.error.message,
                    count: entry.count.formatted(), rejects: entry.error.rejectsFile,
                    examples: entry.examples.prefix(ReturnDesk.examplesShown).map {
                        Example(youngPersonsID: $0.youngPersonsID, personID: $0.personID, name: names[$0.personID], detail: $0.detail)
                    })
            }
            blockers = readiness.blockers
            ready = readiness.blockers.isEmpty
            unreadable = readiness.unreadable.prefix(20).map(\.description)
            hasErrors = !errors.isEmpty
            hasFindings = readiness.findingCount > 0
            hasUnreadable = !unreadable.isEmpty
        }
    }

    let title = "NCCIS return"
    let userName: String
    let role: String
    let csrf: String
    let laCode: String
    let periodEnd: String
    let periodEndLong: String
    let readiness: Findings?
    let readinessJob: JobPanel
    let generationJob: JobPanel?
    /// Set while either job is under way, for the page's automatic refresh.
    let refresh: String?
    let history: [HistoryRow]
    let canGenerate: Bool
    let error: String?
    /// Month ends to choose from.
    let periods: [Choice]
    let hasHistory: Bool

    init(
        user: StoredUser, csrf: String, laCode: String, periodEnd: CalendarDate, readiness: ReturnReadiness?, exampleNames: [Int64: String] = [:],
        readinessJob: JobPanel, generationJob: JobPanel?, history: [StoredReturn], canGenerate: Bool, error: String?, periods: [Choice] = []
    ) {
        self.periods = periods
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        self.laCode = laCode
        self.periodEnd = periodEnd.iso
        periodEndLong = periodEnd.longDescription
        self.readiness = readiness.map { Findings($0, names: exampleNames) }
        self.readinessJob = readinessJob
        self.generationJob = generationJob
        refresh = readinessJob.refresh ?? generationJob?.refresh
        self.history = history.map {
            HistoryRow(
                id: $0.id, periodEnd: $0.generated.periodEnd.longDescription, records: $0.generated.records.formatted(),
                findings: $0.generated.findings.formatted(), sha256: String($0.generated.sha256.prefix(16)), generatedAt: UKTime.describe($0.generatedAt))
        }
        self.canGenerate = canGenerate
        self.error = error
        hasHistory = !self.history.isEmpty
    }
}
