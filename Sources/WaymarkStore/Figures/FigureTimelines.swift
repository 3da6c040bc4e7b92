public import SQLKit
public import WaymarkCore

/// Keeps the headline counts of every day readable in one small query: each
/// young person's ``HeadlineTimeline`` (`figure_timeline`) and, per LA, the
/// sum of everyone's steps (`figure_step`: on this day, this many more or
/// fewer in this state). A change replaces the timelines of the people it
/// touched and moves the steps by the difference, in its own transaction;
/// the count on a day is the sum of the steps up to it (``HeadlineCountsRead``).
///
/// Who is counted follows the figures job exactly: not merged away, with a
/// date of birth, gender, ethnicity and cohort status that can be read (the
/// job skips anyone else), under the LA responsible for them.
public struct FigureTimelines: Sendable {
    let db: any SQLDatabase
    let classifier: ParticipationClassifier

    let store: Store?

    public init(store: Store) {
        self.init(db: store.sql, classifier: store.classifier, store: store)
    }

    init(db: any SQLDatabase, classifier: ParticipationClassifier, store: Store? = nil) {
        self.db = db
        self.classifier = classifier
        self.store = store
    }

    static let chunkSize = 500

    /// Recomputes these people's timelines and moves the LA's steps by the difference.
    public func refresh(_ ids: [Int64]) async throws {
        for chunk in ids.chunked(into: Self.chunkSize) where !chunk.isEmpty {
            var steps: [StepKey: Int] = [:]
            // Locked first (PostgreSQL; SQLite has one writer), so a change
            // made meanwhile to the same person waits and then reads this one's
            // timeline and records, never the ones from before it.
            for row in try await db.select().columns("person_id", "responsible_la", "segments").from("figure_timeline")
                .where("person_id", .in, chunk).orderBy("person_id").for(.update).all()
            {
                let la = try row.decode(column: "responsible_la", as: String.self)
                guard let old = HeadlineTimeline(stored: try row.decode(column: "segments", as: String.self)) else { continue }
                for (key, delta) in old.steps { steps[StepKey(la: la, key: key), default: 0] -= delta }
            }
            let timelines = try await compute(chunk)
            for (_, la, timeline) in timelines {
                for (key, delta) in timeline.steps { steps[StepKey(la: la, key: key), default: 0] += delta }
            }
            let kept = Set(timelines.map(\.0))
            let gone = chunk.filter { !kept.contains($0) }
            if !gone.isEmpty { try await db.delete(from: "figure_timeline").where("person_id", .in, gone).run() }
            if !timelines.isEmpty {
                var insert = db.insert(into: "figure_timeline").columns("person_id", "responsible_la", "segments")
                for (id, la, timeline) in timelines { insert = insert.values(SQLBind(id), SQLBind(la), SQLBind(timeline.stored)) }
                try await insert.onConflict(with: ["person_id"]) { $0.set(excludedValueOf: "responsible_la").set(excludedValueOf: "segments") }.run()
            }
            try await move(steps)
        }
    }

    /// Computes a timeline for everyone who has none (as after the migration
    /// on an existing database), in id order and bounded pieces; returns how many.
    @discardableResult
    public func refreshMissing(progress: (@Sendable (Int) async throws -> Void)? = nil) async throws -> Int {
        var after: Int64 = 0
        var done = 0
        while true {
            let ids = try await db.raw("""
                SELECT p.id FROM young_person p LEFT JOIN figure_timeline t ON t.person_id = p.id
                WHERE p.id > \(bind: after) AND t.person_id IS NULL AND p.merged_into IS NULL
                ORDER BY p.id LIMIT \(literal: Self.chunkSize * 4)
                """).all(decodingColumn: "id", as: Int64.self)
            guard let last = ids.last else { return done }
            // Each piece all or nothing: the timelines and the steps they add.
            if let store {
                let classifier = classifier
                try await store.database.transaction { db in try await FigureTimelines(db: db, classifier: classifier).refresh(ids) }
            } else {
                try await refresh(ids)
            }
            done += ids.count
            try await progress?(done)
            after = last
        }
    }

    /// Adds the differences to the LA's steps, in key order so that two
    /// changes never wait for each other's rows the other way round.
    private func move(_ steps: [StepKey: Int]) async throws {
        let moved = steps.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        for piece in moved.chunked(into: 200) where !piece.isEmpty {
            var insert = db.insert(into: "figure_step").columns("responsible_la", "day", "kind", "delta")
            for (key, delta) in piece {
                insert = insert.values(SQLBind(key.la), SQLBind(key.key.day.iso), SQLBind(key.key.kind.rawValue), SQLBind(delta))
            }
            try await insert.onConflict(with: ["responsible_la", "day", "kind"]) {
                $0.set("delta", to: SQLBinaryExpression(SQLColumn("delta", table: "figure_step"), .add, SQLColumn("delta", table: "excluded")))
            }.run()
        }
        // A day whose steps cancel out is kept as a zero until the next tidy; reading sums it harmlessly.
    }

    private func compute(_ ids: [Int64]) async throws -> [(Int64, String, HeadlineTimeline)] {
        let people = try await db.select()
            .columns("id", "date_of_birth", "cohort_status", "gender", "ethnicity", "responsible_la")
            .from("young_person").where("id", .in, ids).where("merged_into", .is, SQLLiteral.null).all()
        var activities: [Int64: [ActivityRecord]] = [:]
        for row in try await db.select().column("*").from("activity").where("person_id", .in, ids)
            .orderBy("person_id").orderBy("start_date").orderBy("id").all()
        {
            activities[try row.decode(column: "person_id", as: Int64.self), default: []].append(try StoredRowDecoding.activityRecord(row))
        }
        var needs: [Int64: [NeedFact]] = [:]
        for row in try await db.select().columns("person_id", "valid_from", "send").from("need_assessment").where("person_id", .in, ids)
            .orderBy("person_id").orderBy("valid_from").orderBy("id").all()
        {
            guard let from = try? CalendarDate(iso: row.decode(column: "valid_from", as: String.self)) else { continue }
            needs[try row.decode(column: "person_id", as: Int64.self), default: []]
                .append(NeedFact(validFrom: from, hasSEND: try row.decode(column: "send", as: Bool.self)))
        }
        return try people.compactMap { row -> (Int64, String, HeadlineTimeline)? in
            let id = try row.decode(column: "id", as: Int64.self)
            // As the figures job: a record it cannot read is skipped, not guessed at.
            guard let born = try? CalendarDate(iso: row.decode(column: "date_of_birth", as: String.self)),
                let status = try? CohortStatus.parse(row.decode(column: "cohort_status", as: String.self)),
                (try? Gender.parse(row.decode(column: "gender", as: String.self))) != nil,
                (try? Ethnicity.parse(row.decode(column: "ethnicity", as: String.self))) != nil
            else { return nil }
            let timeline = HeadlineTimeline(
                dateOfBirth: born, cohortStatus: status, activities: activities[id] ?? [], needs: needs[id] ?? [], classifier: classifier)
            return (id, try row.decode(column: "responsible_la", as: String.self), timeline)
        }
    }

    struct StepKey: Hashable, Comparable {
        let la: String
        let key: HeadlineSteps.Key

        static func < (lhs: StepKey, rhs: StepKey) -> Bool {
            lhs.la == rhs.la ? lhs.key < rhs.key : lhs.la < rhs.la
        }
    }
}
