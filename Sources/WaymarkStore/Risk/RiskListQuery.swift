import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// A pupil on a school's page of scores: who, which year, and the stored score.
public struct RiskListPupil: Sendable, Equatable {
    public let personID: Int64
    public let givenName: String
    public let familyName: String
    public let yearGroup: Int
    public let score: RiskScore
    public let scoredOn: CalendarDate
}

/// A school's pupils in Years 9–11 with their stored scores, highest first,
/// only those the caller's scope reaches: one indexed read on
/// (school, year group, points) joined to the people.
public struct RiskListQuery: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        db = store.sql
    }

    public func pupils(of schoolID: Int64, yearGroups: ClosedRange<Int>, in scope: RecordScope) async throws -> [RiskListPupil] {
        try await db.raw("""
            SELECT r.person_id, r.points, r.band, r.reasons, r.year_group, r.scored_on, p.given_name, p.family_name
            FROM risk_score r JOIN young_person p ON p.id = r.person_id
            WHERE r.school_id = \(bind: schoolID) AND r.year_group BETWEEN \(bind: yearGroups.lowerBound) AND \(bind: yearGroups.upperBound)
              AND \(scope.condition(on: "p"))
            ORDER BY r.points DESC, p.family_name, p.given_name, r.person_id
            """).all().map { row in
            let stored = try RiskScores.decode(row)
            return RiskListPupil(
                personID: stored.personID, givenName: try row.decode(column: "given_name", as: String.self),
                familyName: try row.decode(column: "family_name", as: String.self), yearGroup: stored.yearGroup ?? 0, score: stored.score,
                scoredOn: stored.scoredOn)
        }
    }
}
