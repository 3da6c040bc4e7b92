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

    /// The survey; with `school`, and for those who may have it, the school's named list (audited with the school).
    public func survey(year: Int, namesFor school: String?, for grant: AccessGrant, at now: Date) async throws -> ActivitySurveyResult {
        try grant.require(.figures)
        let named = school.flatMap { mayName(for: grant) ? $0 : nil }
        let result = try await StatutoryFigures(store: store, registry: registry, laCode: laCode, classifier: classifier)
            .activitySurvey(year: year, namesFor: named)
        if let named {
            try await ViewAudit.record(
                store, grant, at: now, entity: "activity_survey_named_list",
                detail: "year=\(year); school=\(named); \(ViewAudit.shown(result.names.keys.sorted()))")
        }
        return result
    }
}
