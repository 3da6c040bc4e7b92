import Foundation
public import WaymarkCore
public import WaymarkStore

/// What a refresh did.
public struct RiskRefreshResult: Sendable, Codable, Equatable {
    public let scored: Int
    /// Pupils in Years 9–11 with a school: those on the lists' pages.
    public let listed: Int
    public let scoredOn: CalendarDate
    public let settingsID: Int64?
    public let seconds: Double
}

/// Recomputes every person's score for a day: reads the LA a batch at a
/// time (``RiskInputReader``: one query per table per batch), scores with
/// the settings in force, and replaces the batch's stored scores with
/// multi-row inserts. No query is made per person.
public struct RiskRefresh: Sendable {
    let store: Store
    let laCode: String

    public init(store: Store, laCode: String) {
        self.store = store
        self.laCode = laCode
    }

    /// The year groups the schools' lists cover.
    public static let listYears = 9...11

    public func run(on day: CalendarDate, progress: (@Sendable (Int) async throws -> Void)? = nil) async throws -> RiskRefreshResult {
        let started = ContinuousClock.now
        let (settings, settingsID) = try await RiskSettingsStore(store: store).inForce()
        let model = RiskModel(settings: settings)
        let scores = RiskScores(store: store)
        var scored = 0
        var listed = 0
        var lastID: Int64 = 0
        try await RiskInputReader(store: store).forEachBatch(responsibleLA: laCode) { batch in
            guard let first = batch.first?.personID, let last = batch.last?.personID else { return }
            var rows: [(personID: Int64, score: RiskScore, schoolID: Int64?, yearGroup: Int?)] = []
            rows.reserveCapacity(batch.count)
            for person in batch {
                let yearGroup = person.dateOfBirth.map { AcademicAge.yearGroup(dateOfBirth: $0, on: day) }
                if let yearGroup, Self.listYears.contains(yearGroup), person.schoolID != nil { listed += 1 }
                rows.append((person.personID, model.score(person.facts, on: day), person.schoolID, yearGroup))
            }
            try await scores.replace(in: (lastID + 1)...last, with: rows, scoredOn: day, settingsID: settingsID)
            _ = first
            lastID = last
            scored += batch.count
            try await progress?(scored)
        }
        try await scores.removeAll(after: lastID)
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return RiskRefreshResult(scored: scored, listed: listed, scoredOn: day, settingsID: settingsID, seconds: seconds)
    }
}
