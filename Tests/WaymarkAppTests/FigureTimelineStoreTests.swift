import Foundation
import Logging
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkSynthetic
import WaymarkTestSupport

/// The headline counts read from the kept timelines must equal what the
/// figures job computes from scratch with the one classification function,
/// at every month end of three years and on odd days: after a load, after a
/// random stream of changes (activities past, present and future, new people,
/// needs, cohort status, merges and their undoing, anonymisation), and after
/// the timelines are filled in afresh as the positions job does.
@Suite struct FigureTimelineStoreTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
    static var today: CalendarDate { CalendarDate.today(from: now) }

    /// Month ends from two years back to a year ahead (the months still to come
    /// move as time passes only through records, which keep them), and some days between.
    static var days: [CalendarDate] {
        FiguresReport.monthEnds(from: today.adding(months: -26), through: today.adding(months: 12))
            + [today, today.adding(days: -7), today.adding(days: 3), try! CalendarDate(iso: "2025-09-01"), try! CalendarDate(iso: "2026-02-14")]
    }

    @Test(arguments: TestDatabases.engines)
    func keptCountsEqualTheFiguresRecomputedAfterAStreamOfChanges(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            // given a generated LA
            let configuration = SyntheticLAConfiguration(seed: 17, people: 500, referenceDate: Self.today)
            _ = try await DemoLoader(store: store, logger: Logger(label: "test")).load(SyntheticLA(configuration), now: Self.now)
            try await Self.expectKeptEqualsRecomputed(store, checked: "after loading")

            // when a random stream of changes is made, each in its own transaction
            var random = StreamRandom(seed: 99)
            let la = try DemoAuthority.laCode
            var ids = try await store.sql.select().column("id").from("young_person").where("merged_into", .is, SQLLiteral.null)
                .orderBy("id").all(decodingColumn: "id", as: Int64.self)
            let codes: [ActivityCode] = [.seekingEET, .furtherEducation, .apprenticeship, .schoolSixthForm, .notYetReady, .employmentWithoutTraining]
            var merges: [Int64] = []
            for step in 0..<120 {
                let id = ids[random.next(below: ids.count)]
                let shift = random.next(below: 900) - 600
                let day = Self.today.adding(days: shift)
                switch step % 8 {
                case 0, 1, 2:
                    let code = codes[random.next(below: codes.count)]
                    let end = day.adding(months: random.coin ? 7 : 13)
                    _ = try await store.change(by: .system("test"), at: Self.now) { tx in
                        try await tx.recordActivity(
                            ActivityRecord(code: code, startDate: day, dateAscertained: day, predictedEndDate: code.rawValue >= 600 ? nil : end,
                                           neetStartDate: code.rawValue >= 600 ? day : nil), for: id)
                    }
                case 3:
                    _ = try await store.change(by: .system("test"), at: Self.now) { tx in
                        try await tx.recordActivity(ActivityRecord(code: .notKnown, startDate: day, dateAscertained: day), for: id)
                    }
                case 4:
                    let born = Self.today.adding(days: -(365 * 16 + random.next(below: 365 * 3)))
                    let created = try await store.change(by: .system("test"), at: Self.now) { tx in
                        let person = try await tx.createPerson(NewYoungPerson(
                            identity: YoungPersonIdentity(givenName: "New", familyName: ["Ashby", "Brook", "Carter", "Dale", "Ellis", "Frost"][step % 6], dateOfBirth: born, gender: .male, ethnicity: .notObtained),
                            cohortStatus: .primary, responsibleLA: la, educatedLA: la))
                        _ = try await tx.recordActivity(ActivityRecord(code: .seekingEET, startDate: day, dateAscertained: day, neetStartDate: day), for: person)
                        return person
                    }
                    ids.append(created)
                case 5:
                    _ = try await store.change(by: .system("test"), at: Self.now) { tx in
                        try await tx.recordNeed(NeedAssessment(levelOfNeed: .minimumIntervention, hasSEND: true, hasSENSupport: false, validFrom: day), for: id)
                    }
                case 6:
                    let other = ids[random.next(below: ids.count)]
                    guard other != id else { continue }
                    let merge = try await store.change(by: .system("test"), at: Self.now) { tx in try await tx.mergePeople(kept: id, merged: other) }
                    merges.append(merge)
                    ids.removeAll { $0 == other }
                default:
                    if let merge = merges.popLast() {
                        let undone = try await store.change(by: .system("test"), at: Self.now) { tx in try await tx.undoMerge(merge, by: nil) }
                        ids.append(undone.merged)
                    } else {
                        _ = try await store.change(by: .system("test"), at: Self.now) { tx in
                            try await tx.setCohortStatus(of: id, to: .leftEngland, transferredTo: nil, since: Self.today)
                        }
                    }
                }
            }
            // then
            try await Self.expectKeptEqualsRecomputed(store, checked: "after the changes")

            // when every timeline is lost and filled in again, as the positions job does after the migration
            try await store.sql.delete(from: "figure_timeline").run()
            try await store.sql.delete(from: "figure_step").run()
            let filled = try await FigureTimelines(store: store).refreshMissing()
            #expect(filled > 400)
            try await Self.expectKeptEqualsRecomputed(store, checked: "after filling in")
        }
    }

    static func expectKeptEqualsRecomputed(_ store: Store, checked: String) async throws {
        let la = try DemoAuthority.laCode
        let recomputed = try await StatutoryFigures(store: store, registry: DemoAuthority.registry, laCode: la)
            .figures(at: [], trendAt: days).trend
        let kept = try await HeadlineCountsRead(store: store).counts(responsibleLA: la.code, on: days)
        var wrong: [String] = []
        for point in recomputed.points where kept[point.date] != point.counts {
            wrong.append("\(point.date.iso): kept \(String(describing: kept[point.date])), recomputed \(point.counts)")
        }
        #expect(wrong.isEmpty, "\(checked): \(wrong.count) days differ: \(wrong.prefix(4).joined(separator: "; "))")
        #expect(recomputed.points.contains { $0.counts.neet > 5 && $0.counts.notKnown > 5 && $0.counts.eet > 50 }, "\(checked): a population to check")
    }
}

/// A small deterministic generator, so a failure can be run again.
struct StreamRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next(below bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }

    var coin: Bool {
        mutating get { next(below: 2) == 0 }
    }
}
