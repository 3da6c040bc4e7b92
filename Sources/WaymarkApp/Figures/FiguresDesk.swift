public import Foundation
public import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// The LA's figures (a job: never computed in a request) and the Annual
/// Activity Survey, whose named list of one school is audited with the school.
public struct FiguresDesk: Sendable {
    let store: Store
    let registry: LocalAuthorityRegistry
    let laCode: LocalAuthorityCode
    let classifier: ParticipationClassifier
    let resultLifetime: TimeInterval

    init(store: Store, registry: LocalAuthorityRegistry, laCode: LocalAuthorityCode, classifier: ParticipationClassifier, resultLifetime: TimeInterval) {
        self.store = store
        self.registry = registry
        self.laCode = laCode
        self.classifier = classifier
        self.resultLifetime = resultLifetime
    }

    var jobs: JobDesk { JobDesk(store: store) }

    /// The latest figures a job computed, asking for fresh ones (joining any job already at it) when those are too old.
    public func figures(monthEnd: CalendarDate, for grant: AccessGrant, at now: Date) async throws -> JobState {
        try grant.require(.figures)
        return try await jobs.refreshed(.figures(monthEnd: monthEnd), by: grant.user.id, now: now, lifetime: resultLifetime)
    }

    /// Asks for the figures again now, whatever their age.
    public func recompute(monthEnd: CalendarDate, for grant: AccessGrant, at now: Date) async throws {
        try grant.require(.figures)
        try await jobs.request(.figures(monthEnd: monthEnd), by: grant.user.id, at: now)
    }

    /// Whether the user may have the survey's named list of a school: LA staff who read records.
    public func mayName(for grant: AccessGrant) -> Bool {
        grant.allows(.readRecords) && grant.scope == .authority(laCode: laCode.code)
    }

    /// The survey as the latest job computed it (never computed in a request:
    /// it reads every record), asking for a fresh one when that is too old;
    /// with `school`, and for those who may have it, the school's named list
    /// (audited with the school and the people named).
    ///
    /// A school's or college's user sees their own school's line only: the
    /// survey is counted for every school by the same job, and the rows of
    /// other schools are dropped before anything is handed over.
    public func survey(year: Int, namesFor school: String?, for grant: AccessGrant, at now: Date) async throws -> SurveyView {
        try await survey(year: year, namesFor: school, for: grant, at: now, auditAs: "")
    }

    /// The survey, its named list audited with `prefix` ("export; format=csv; ") before the detail.
    func survey(year: Int, namesFor school: String?, for grant: AccessGrant, at now: Date, auditAs prefix: String) async throws -> SurveyView {
        try grant.require(.activitySurvey)
        if school != nil, !mayName(for: grant) {
            throw Refusal.forbidden("The named list is for local authority staff; your school's line is in the table, and your leavers are on your home page.")
        }
        let state = try await jobs.refreshed(.activitySurvey(year: year), by: grant.user.id, now: now, lifetime: resultLifetime)
        guard var stored = try state.lastDone?.decodedResult(as: SurveyJobResult.self) else { return SurveyView(job: state, result: nil) }
        if case .establishment = grant.scope {
            let own = try await OrganisationQueries(store: store).organisation(id: grant.user.organisationID)?.name
            stored = stored.only(school: own)
        }
        var names: [Int64: String] = [:]
        if let named = school.flatMap({ mayName(for: grant) ? $0 : nil }) {
            names = try await PersonNamesQuery(store: store).names(of: stored.people(of: named), in: grant.scope)
            try await ViewAudit.record(
                store, grant, at: now, entity: "activity_survey_named_list",
                detail: prefix + "year=\(year); school=\(named); \(ViewAudit.shown(names.keys.sorted()))")
        }
        return SurveyView(job: state, result: ActivitySurveyResult(laCode: laCode, stored: stored, names: names))
    }
}

/// The survey page's state: the job and, once one has finished, its result.
public struct SurveyView: Sendable {
    public let job: JobState
    public let result: ActivitySurveyResult?
}
