import SQLKit
public import WaymarkCore

/// A score as stored for one person, with what the lists need beside it.
public struct StoredRiskScore: Sendable, Equatable {
    public let personID: Int64
    public let score: RiskScore
    public let schoolID: Int64?
    public let yearGroup: Int?
    public let scoredOn: CalendarDate
}

/// `risk_score`: one row a person, written by the refresh a batch at a time
/// (a delete over the batch's id range and multi-row inserts), read by the
/// school lists. Scores are derived from facts that are each audited, so
/// the rows carry no provenance; the refresh job's own record says when.
public struct RiskScores: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        db = store.sql
    }

    static let columns = ["person_id", "points", "band", "reasons", "school_id", "year_group", "scored_on", "settings_id"]
    /// Well inside both engines' bind limits.
    static let rowsPerStatement = 2_000

    /// Replaces the scores of everyone with an id in `range` by these.
    public func replace(
        in range: ClosedRange<Int64>, with scores: [(personID: Int64, score: RiskScore, schoolID: Int64?, yearGroup: Int?)],
        scoredOn day: CalendarDate, settingsID: Int64?
    ) async throws {
        try await db.delete(from: "risk_score").where("person_id", .greaterThanOrEqual, range.lowerBound).where("person_id", .lessThanOrEqual, range.upperBound).run()
        for start in stride(from: 0, to: scores.count, by: Self.rowsPerStatement) {
            var insert = db.insert(into: "risk_score").columns(Self.columns)
            for entry in scores[start..<min(start + Self.rowsPerStatement, scores.count)] {
                let values: [(any Encodable & Sendable)?] = [
                    entry.personID, entry.score.points, entry.score.band.rawValue, RiskReasonText.encode(entry.score.reasons), entry.schoolID,
                    entry.yearGroup, day.iso, settingsID,
                ]
                insert = insert.values(values.map { value -> any SQLExpression in value.map { SQLBind($0) } ?? SQLLiteral.null })
            }
            try await insert.run()
        }
    }

    /// Removes scores of anyone after `id` (people gone since the last refresh).
    public func removeAll(after id: Int64) async throws {
        try await db.delete(from: "risk_score").where("person_id", .greaterThan, id).run()
    }

    /// One person's stored score.
    public func score(of personID: Int64) async throws -> StoredRiskScore? {
        try await db.select().columns(Self.columns).from("risk_score").where("person_id", .equal, personID).first().map(Self.decode)
    }

    /// The scores of a school's pupils in these year groups, highest first (ties by id).
    public func school(_ schoolID: Int64, yearGroups: ClosedRange<Int>) async throws -> [StoredRiskScore] {
        try await db.select().columns(Self.columns).from("risk_score")
            .where("school_id", .equal, schoolID).where("year_group", .greaterThanOrEqual, yearGroups.lowerBound).where("year_group", .lessThanOrEqual, yearGroups.upperBound)
            .orderBy("points", .descending).orderBy("person_id").all().map(Self.decode)
    }

    /// Per school: pupils scored in these year groups, and how many medium and high.
    public func schoolCounts(yearGroups: ClosedRange<Int>) async throws -> [(schoolID: Int64, pupils: Int, medium: Int, high: Int)] {
        try await db.raw("""
            SELECT school_id, COUNT(*) AS pupils,
              SUM(CASE WHEN band = 'medium' THEN 1 ELSE 0 END) AS medium, SUM(CASE WHEN band = 'high' THEN 1 ELSE 0 END) AS high
            FROM risk_score WHERE school_id IS NOT NULL AND year_group BETWEEN \(bind: yearGroups.lowerBound) AND \(bind: yearGroups.upperBound)
            GROUP BY school_id ORDER BY school_id
            """).all().map { row in
            (try row.decode(column: "school_id", as: Int64.self), try row.decode(column: "pupils", as: Int.self),
             try row.decode(column: "medium", as: Int?.self) ?? 0, try row.decode(column: "high", as: Int?.self) ?? 0)
        }
    }

    public func count() async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM risk_score").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func decode(_ row: any SQLRow) throws -> StoredRiskScore {
        let band = RiskBand(rawValue: try row.decode(column: "band", as: String.self)) ?? .low
        return StoredRiskScore(
            personID: try row.decode(column: "person_id", as: Int64.self),
            score: RiskScore(reasons: RiskReasonText.decode(try row.decode(column: "reasons", as: String.self)), band: band),
            schoolID: (try? row.decode(column: "school_id", as: Int64?.self)) ?? nil, yearGroup: try row.decode(column: "year_group", as: Int?.self),
            scoredOn: try CalendarDate(iso: row.decode(column: "scored_on", as: String.self)))
    }
}

/// Reasons as stored: one line each, "indicator<TAB>points<TAB>evidence".
/// Plainer and much cheaper than JSON for a quarter of a million rows;
/// evidence is text the model wrote, without tabs or line breaks.
enum RiskReasonText {
    static func encode(_ reasons: [RiskReason]) -> String {
        reasons.map { "\($0.indicator.rawValue)\t\($0.points)\t\($0.evidence)" }.joined(separator: "\n")
    }

    static func decode(_ text: String) -> [RiskReason] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let indicator = RiskIndicator(rawValue: String(parts[0])), let points = Int(parts[1]) else { return nil }
            return RiskReason(indicator: indicator, points: points, evidence: String(parts[2]))
        }
    }
}
