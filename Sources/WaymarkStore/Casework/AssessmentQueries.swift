import Foundation
import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// Assessments as stored: a person's (two reads whatever their number, so a
/// record with five reviews opens as fast as one with none), the
/// instruments an LA loaded, and the two ends of everyone's progress.
public struct AssessmentQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    /// Every assessment of a person, oldest first (by the day assessed, then id).
    public func assessments(of personID: Int64) async throws -> [StoredAssessment] {
        async let rows = db.select().column("*").from("assessment").where("person_id", .equal, personID)
            .orderBy("assessed_on").orderBy("id").all()
        async let ratingRows = db.select().columns("assessment_id", "area_key", "rating").from("assessment_rating")
            .where("person_id", .equal, personID).all()
        var ratings: [Int64: [String: Int]] = [:]
        for row in try await ratingRows {
            ratings[try row.decode(column: "assessment_id", as: Int64.self), default: [:]][try row.decode(column: "area_key", as: String.self)] =
                try row.decode(column: "rating", as: Int.self)
        }
        let found = ratings
        return try await rows.map { try Self.assessment($0, ratings: found) }
    }

    public func assessment(_ id: Int64, of personID: Int64) async throws -> StoredAssessment? {
        try await assessments(of: personID).first { $0.id == id }
    }

    /// Instruments the LA loaded, every version, oldest first.
    public func loadedInstruments() async throws -> [(definition: String, source: String, recordedAt: String)] {
        try await db.select().columns("definition", "source", "recorded_at").from("assessment_instrument").orderBy("id").all().map { row in
            (try row.decode(column: "definition", as: String.self), try row.decode(column: "source", as: String.self),
             try row.decode(column: "recorded_at", as: String.self))
        }
    }

    /// For everyone in the LA (or on one adviser's caseload) with a completed
    /// adviser assessment with `instrumentKey`: the ratings of their first and
    /// latest; `single` counts those with only one. Self-ratings and drafts never count.
    public func ends(
        instrumentKey: String, laCode: String, adviserID: Int64?, firstFrom: CalendarDate?
    ) async throws -> (ends: [DistanceTravelled.Ends], single: Int) {
        var select = db.select()
            .column(SQLColumn("id", table: "a")).column(SQLColumn("person_id", table: "a"))
            .from(SQLAlias(SQLIdentifier("assessment"), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier("young_person"), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "p"), .equal, SQLColumn("person_id", table: "a"))
            .where(SQLColumn("instrument_key", table: "a"), .equal, SQLBind(instrumentKey))
            .where(SQLColumn("status", table: "a"), .equal, SQLBind(AssessmentStatus.completed.rawValue))
            .where(SQLColumn("rater", table: "a"), .equal, SQLBind(AssessmentRater.adviser.rawValue))
            .where(SQLColumn("responsible_la", table: "p"), .equal, SQLBind(laCode))
            .where(SQLColumn("merged_into", table: "p"), .is, SQLLiteral.null)
            .where(SQLColumn("anonymised_on", table: "p"), .is, SQLLiteral.null)
        if let adviserID { select = select.where(SQLColumn("pa_user_id", table: "p"), .equal, SQLBind(adviserID)) }
        let rows = try await select.orderBy(SQLColumn("person_id", table: "a")).orderBy(SQLColumn("assessed_on", table: "a"))
            .orderBy(SQLColumn("id", table: "a")).all()
        var firstAndLatest: [Int64: (first: Int64, latest: Int64, count: Int)] = [:]
        var order: [Int64] = []
        for row in rows {
            let person = try row.decode(column: "person_id", as: Int64.self)
            let id = try row.decode(column: "id", as: Int64.self)
            if let seen = firstAndLatest[person] {
                firstAndLatest[person] = (seen.first, id, seen.count + 1)
            } else {
                firstAndLatest[person] = (id, id, 1)
                order.append(person)
            }
        }
        var wanted = Set(firstAndLatest.values.filter { $0.count > 1 }.flatMap { [$0.first, $0.latest] })
        var firstDays: [Int64: CalendarDate] = [:]
        if let firstFrom {
            // The cohort: people first assessed on or after the day.
            let firsts = firstAndLatest.values.map(\.first)
            for chunk in firsts.chunked(into: 500) {
                for row in try await db.select().columns("id", "assessed_on").from("assessment").where("id", .in, chunk).all() {
                    firstDays[try row.decode(column: "id", as: Int64.self)] = try CalendarDate(iso: row.decode(column: "assessed_on", as: String.self))
                }
            }
            for (person, ends) in firstAndLatest where (firstDays[ends.first] ?? firstFrom) < firstFrom { firstAndLatest[person] = nil }
            wanted = Set(firstAndLatest.values.filter { $0.count > 1 }.flatMap { [$0.first, $0.latest] })
        }
        var ratings: [Int64: [String: Int]] = [:]
        for chunk in Array(wanted).sorted().chunked(into: 500) {
            for row in try await db.select().columns("assessment_id", "area_key", "rating").from("assessment_rating").where("assessment_id", .in, chunk).all() {
                ratings[try row.decode(column: "assessment_id", as: Int64.self), default: [:]][try row.decode(column: "area_key", as: String.self)] =
                    try row.decode(column: "rating", as: Int.self)
            }
        }
        let ends = order.compactMap { person -> DistanceTravelled.Ends? in
            guard let pair = firstAndLatest[person], pair.count > 1 else { return nil }
            return DistanceTravelled.Ends(first: ratings[pair.first] ?? [:], latest: ratings[pair.latest] ?? [:])
        }
        return (ends, firstAndLatest.values.filter { $0.count == 1 }.count)
    }

    static func assessment(_ row: any SQLRow, ratings: [Int64: [String: Int]]) throws -> StoredAssessment {
        let id = try row.decode(column: "id", as: Int64.self)
        func parsed<T: RawRepresentable>(_ column: String, as type: T.Type) throws -> T where T.RawValue == String {
            let text = try row.decode(column: column, as: String.self)
            guard let value = T(rawValue: text) else { throw StoreError.invalidStoredValue(table: "assessment", column: column, value: text) }
            return value
        }
        return StoredAssessment(
            id: id, personID: try row.decode(column: "person_id", as: Int64.self),
            instrument: InstrumentReference(key: try row.decode(column: "instrument_key", as: String.self), version: try row.decode(column: "instrument_version", as: Int.self)),
            kind: try parsed("kind", as: AssessmentKind.self), rater: try parsed("rater", as: AssessmentRater.self),
            status: try parsed("status", as: AssessmentStatus.self), assessedOn: try StoredRowDecoding.date(row, "assessed_on"), ratings: ratings[id] ?? [:],
            summary: try row.decode(column: "summary", as: String?.self), completedAt: try row.decode(column: "completed_at", as: String?.self),
            source: try row.decode(column: "source", as: String.self), recordedBy: try row.decode(column: "recorded_by", as: Int64?.self),
            recordedAt: try row.decode(column: "recorded_at", as: String.self))
    }
}
