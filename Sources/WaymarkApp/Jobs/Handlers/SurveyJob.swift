public import Foundation
public import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// The Annual Activity Survey as a job computed it: a row per surveyed young
/// person, without names (the named list is read for one school when shown).
public struct SurveyJobResult: Sendable, Codable {
    public struct Row: Sendable, Codable {
        public let personID: Int64
        public let school: String?
        public let activityCode: Int?
        public let destination: String
        public let youngPersonsID: String
    }

    public let rows: [Row]
    public let skipped: Int

    /// The rows of one school alone (none when there is no school).
    func only(school: String?) -> SurveyJobResult {
        SurveyJobResult(rows: school.map { name in rows.filter { $0.school == name } } ?? [], skipped: 0)
    }

    /// The people of one school, for its named list.
    public func people(of school: String) -> [Int64] {
        rows.filter { $0.school == school }.map(\.personID)
    }
}

struct SurveyJob: JobHandler {
    let jobs: StandardJobs

    func run(_ job: StoredJob, progress: JobProgress) async throws -> JobOutcome {
        guard case .activitySurvey(let year) = try jobs.request(job) else { throw JobFailure("A survey job was asked for something else.") }
        let figures = StatutoryFigures(store: jobs.store, registry: jobs.registry, laCode: jobs.laCode, classifier: jobs.classifier)
        let survey = try await figures.activitySurvey(year: year)
        return try .json(SurveyJobResult(
            rows: survey.rows.map { entry in
                SurveyJobResult.Row(
                    personID: entry.row.personID, school: entry.row.schoolName, activityCode: entry.row.activityCode?.rawValue,
                    destination: entry.row.destination.rawValue, youngPersonsID: entry.youngPersonsID)
            },
            skipped: survey.skipped))
    }
}

extension ActivitySurveyResult {
    /// The survey from a job's stored result, with the names asked for (by person id).
    public init(laCode: LocalAuthorityCode, stored: SurveyJobResult, names: [Int64: String]) {
        self.laCode = laCode
        for entry in stored.rows {
            guard let destination = SurveyDestination(rawValue: entry.destination) else { continue }
            let row = ActivitySurveyRow(
                personID: entry.personID, schoolName: entry.school, activityCode: entry.activityCode.flatMap(ActivityCode.init(rawValue:)),
                destination: destination)
            rows.append((row, entry.youngPersonsID))
            summary.add(row)
        }
        skipped = stored.skipped
        self.names = names
    }
}
