import Foundation
public import WaymarkCore
public import WaymarkStore

/// The back-test over the LA's own history: every person read once, with
/// their activities, a batch at a time, into ``BackTestCalculator``.
public struct BackTestRun: Sendable {
    let store: Store
    let laCode: String

    public init(store: Store, laCode: String) {
        self.store = store
        self.laCode = laCode
    }

    public func run(on today: CalendarDate, settings: RiskSettings? = nil) async throws -> BackTestResult {
        var inForce = RiskSettings.standard
        if let settings { inForce = settings } else { inForce = try await RiskSettingsStore(store: store).inForce().settings }
        var calculator = BackTestCalculator(settings: inForce, today: today)
        try await RiskInputReader(store: store).forEachBatch(responsibleLA: laCode, withActivities: true) { batch in
            for person in batch {
                guard let born = person.dateOfBirth else { continue }
                calculator.add(BackTestPerson(
                    dateOfBirth: born, gender: person.gender, ethnicity: person.ethnicity, facts: person.facts, activities: person.activities))
            }
        }
        return calculator.result()
    }
}
