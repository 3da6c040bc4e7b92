import Foundation
import Logging
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkStore
import WaymarkSynthetic
import WaymarkTestSupport

/// The stored positions the queues read must be the classifier's answer:
/// after loading a generated LA, after a mix of changes, and as days pass
/// (once the positions job has run for the day).
@Suite struct ParticipationPositionStoreTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
    static var today: CalendarDate { CalendarDate.today(from: now) }

    @Test(arguments: TestDatabases.engines)
    func storedPositionsEqualTheClassifierAfterChangesAndAsTheDayMovesOn(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            // given a generated LA
            let configuration = SyntheticLAConfiguration(seed: 41, people: 600, referenceDate: Self.today)
            _ = try await DemoLoader(store: store, logger: Logger(label: "test")).load(SyntheticLA(configuration), now: Self.now)
            try await Self.expectStoredEqualsClassifier(store, on: Self.today, checked: "after loading")

            // when a mix of changes is made
            let ids = Array(try await ParticipationQuery(store: store)
                .states(responsibleLA: try DemoAuthority.laCode, on: Self.today, classifier: ParticipationClassifier()).keys.sorted().prefix(60))
            let today = Self.today
            try await store.change(by: .system("test"), at: Self.now) { tx in
                for (index, id) in ids.enumerated() {
                    switch index % 6 {
                    case 0:
                        try await tx.recordActivity(ActivityRecord(code: .notKnown, startDate: today, dateAscertained: today), for: id)
                    case 1:
                        // Starts later: the position changes on its start day with no further record.
                        let start = today.adding(days: 20)
                        try await tx.recordActivity(
                            ActivityRecord(code: .furtherEducation, startDate: start, dateAscertained: start, predictedEndDate: start.adding(months: 10)), for: id)
                    case 2:
                        // Lapses soon: the predicted end caps currency.
                        try await tx.recordActivity(
                            ActivityRecord(code: .furtherEducation, startDate: today, dateAscertained: today, predictedEndDate: today.adding(days: 40)), for: id)
                    case 3:
                        try await tx.setCohortStatus(of: id, to: .leftEngland, transferredTo: nil, since: today)
                    case 4:
                        try await tx.recordNeed(NeedAssessment(levelOfNeed: .minimumIntervention, hasSEND: true, hasSENSupport: false, validFrom: today), for: id)
                    default:
                        try await tx.recordNeed(
                            NeedAssessment(levelOfNeed: .minimumIntervention, hasSEND: true, hasSENSupport: false, validFrom: today.adding(days: 100)), for: id)
                    }
                }
            }
            let mergeID = try await store.change(by: .system("test"), at: Self.now) { tx in try await tx.mergePeople(kept: ids[0], merged: ids[1]) }
            _ = try await store.change(by: .system("test"), at: Self.now) { tx in try await tx.mergePeople(kept: ids[2], merged: ids[3]) }
            _ = try await store.change(by: .system("test"), at: Self.now) { tx in try await tx.undoMerge(mergeID, by: nil) }
            // then
            try await Self.expectStoredEqualsClassifier(store, on: Self.today, checked: "after the changes")

            // when the day moves on and the day's job runs
            for days in [1, 21, 41, 120, 290, 400, 800] {
                let later = Self.today.adding(days: days)
                try await ParticipationPositions(store: store).refreshDue(on: later)
                try await Self.expectStoredEqualsClassifier(store, on: later, checked: "\(days) days on")
            }
        }
    }

    static func expectStoredEqualsClassifier(_ store: Store, on day: CalendarDate, checked: String) async throws {
        let reference = try await ParticipationQuery(store: store).states(responsibleLA: try DemoAuthority.laCode, on: day, classifier: ParticipationClassifier())
        let stored = try await ParticipationPositions(store: store).all()
        #expect(reference.count > 300, "\(checked): a population to check")
        var kinds: Set<String> = []
        var wrong = 0
        for (id, state) in reference {
            kinds.insert(state.storedKind)
            guard let position = stored[id] else {
                wrong += 1
                continue
            }
            if position.state != state || position.validUntil <= day.iso { wrong += 1 }
        }
        #expect(wrong == 0, "\(checked): \(wrong) of \(reference.count) stored positions differ from the classifier on \(day.iso)")
        #expect(kinds.count >= 3, "\(checked): several states among the population")
    }
}
