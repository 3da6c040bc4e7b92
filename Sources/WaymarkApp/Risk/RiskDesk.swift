public import Foundation
public import WaymarkCore
import WaymarkRecords
public import WaymarkStore

/// The gate for the risk-of-NEET indicator: the LA's settings (data
/// managers), the back-test and the transparency record, the LA's lists per
/// school, and a school's own list (careers leaders, their school only),
/// where they put a pupil on or take one off with a reason.
public struct RiskDesk: Sendable {
    let store: Store
    let laCode: String
    let laName: String

    public init(store: Store, laCode: String, laName: String) {
        self.store = store
        self.laCode = laCode
        self.laName = laName
    }

    var jobs: JobDesk { JobDesk(store: store) }
    var settingsStore: RiskSettingsStore { RiskSettingsStore(store: store) }

    // MARK: settings

    public func settings(for grant: AccessGrant) async throws -> RiskSettingsView {
        try grant.require(.riskModel)
        let history = try await settingsStore.history()
        return RiskSettingsView(settings: history.first?.settings ?? .standard, current: history.first, history: history)
    }

    /// Saves new settings, or returns what is wrong with them (nothing saved).
    /// A save asks for every score to be worked out again at once.
    public func save(_ settings: RiskSettings, reason: String?, for grant: AccessGrant, at now: Date) async throws -> [RuleViolation] {
        try grant.require(.riskModel)
        var problems = settings.violations()
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if (reason ?? "").isEmpty { problems.append(RuleViolation(field: "reason", rule: "required", message: "Say why the settings are changing")) }
        if (reason ?? "").count > 500 { problems.append(RuleViolation(field: "reason", rule: "length", message: "The reason must be 500 characters or fewer")) }
        guard problems.isEmpty else { return problems }
        _ = try await store.change(by: grant.actor, at: now) { tx in try await tx.saveRiskSettings(settings, reason: reason) }
        try await jobs.request(.riskScores(day: CalendarDate.today(from: now)), by: grant.user.id, at: now)
        return []
    }

    // MARK: back-test and transparency

    public func backTest(for grant: AccessGrant, at now: Date, lifetime: TimeInterval = 86_400) async throws -> BackTestView {
        try grant.require(.riskModel)
        let request = try await backTestRequest(now)
        let state = try await jobs.refreshed(request, by: grant.user.id, now: now, lifetime: lifetime)
        var result = try state.lastDone?.decodedResult(as: BackTestResult.self)
        var changed = false
        if result == nil, let earlier = try await latestBackTest() {
            result = earlier
            changed = true
        }
        return BackTestView(job: state, result: result, settingsChangedSince: changed)
    }

    public func rerunBackTest(for grant: AccessGrant, at now: Date) async throws {
        try grant.require(.riskModel)
        try await jobs.request(try await backTestRequest(now), by: grant.user.id, at: now)
    }

    /// The transparency record from the settings in force and the latest back-test.
    public func transparencyRecord(for grant: AccessGrant, at now: Date) async throws -> TransparencyRecord {
        try grant.require(.riskModel)
        let (settings, _) = try await settingsStore.inForce()
        let state = try await jobs.state(of: try await backTestRequest(now))
        let backTest = try state.lastDone?.decodedResult(as: BackTestResult.self)
        return TransparencyRecord(laName: laName, settings: settings, backTest: backTest, generatedOn: CalendarDate.today(from: now))
    }

    private func backTestRequest(_ now: Date) async throws -> JobRequest {
        .riskBackTest(day: CalendarDate.today(from: now), settingsID: try await settingsStore.inForce().id)
    }

    /// The newest back-test result of any day or settings, for while a new one is worked out.
    private func latestBackTest() async throws -> BackTestResult? {
        try await JobQueue(store: store).recent(kind: JobKind.riskBackTest.rawValue).first { $0.status == .done }?.decodedResult(as: BackTestResult.self)
    }
}
