public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// A young person's assessments as one user may see them.
public struct AssessmentsView: Sendable {
    public let personID: Int64
    public let personName: String
    /// Oldest first; drafts included (they are the adviser's work in progress).
    public let assessments: [StoredAssessment]
    /// The definitions they were made with, and those offered for a new one.
    public let instruments: [InstrumentReference: Instrument]
    public let offered: [Instrument]
    public let staffNames: [Int64: String]
    public let mayChange: Bool

    /// Completed adviser assessments and reviews with `key`, oldest first: the rings of the chart.
    public func completed(_ key: String) -> [StoredAssessment] {
        assessments.filter { $0.isCompleted && $0.rater == .adviser && $0.instrument.key == key }
    }

    /// The young person's own views, held for the adviser to discuss.
    public var ownViews: [StoredAssessment] { assessments.filter { $0.rater == .youngPerson } }
}

/// One assessment with its definition, for its form or its page.
public struct AssessmentDetail: Sendable {
    public let assessment: StoredAssessment
    public let instrument: Instrument
    public let personName: String
}

/// Assessments of need and readiness: started as drafts, completed once and
/// then kept exactly (``ChangeTransaction/completeAssessment``; the database
/// refuses changes too), shown only to those who see casework notes, every
/// view audited with the ids shown.
public struct AssessmentDesk: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    static let restricted = Refusal.forbidden("Assessments are casework, which is restricted for your role. Ask the young person's adviser.")
    static let noSuchAssessment = Refusal.notFound("That assessment is not on this young person's record.")

    public var catalogue: InstrumentCatalogue { InstrumentCatalogue(store: store) }

    public func assessments(of personID: Int64, for grant: AccessGrant, at now: Date) async throws -> AssessmentsView {
        try grant.require(.readRecords)
        guard let placement = try await CaseloadLookup(store: store).placement(of: personID, in: grant.scope) else { throw CaseworkDesk.notFound }
        let opened = try await BreakGlassDesk(store: store).opening(for: grant, person: personID, at: now).classes
        guard grant.visibleClasses.union(opened).contains(.notes) else { throw Self.restricted }
        let view = try await read(personID, grant: grant, mayChange: AccessPolicy.mayChange(grant.user, personAdviserID: placement.adviserID))
        try await ViewAudit.record(store, grant, at: now, entity: "assessment", personID: personID,
                                   detail: "assessments; \(ViewAudit.shown(view.assessments.map(\.id)))")
        return view
    }

    func read(_ personID: Int64, grant: AccessGrant, mayChange: Bool) async throws -> AssessmentsView {
        async let stored = AssessmentQueries(store: store).assessments(of: personID)
        async let all = catalogue.all()
        async let offered = catalogue.current()
        let assessments = try await stored
        var definitions: [InstrumentReference: Instrument] = [:]
        for instrument in try await all { definitions[instrument.reference] = instrument }
        let staff = Set(assessments.compactMap(\.recordedBy))
        let name = try await PersonNamesQuery(store: store).names(of: [personID], in: grant.scope)[personID] ?? "Young person \(personID)"
        return AssessmentsView(
            personID: personID, personName: name, assessments: assessments, instruments: definitions, offered: try await offered,
            staffNames: try await CaseworkQueries(store: store).userNames(staff), mayChange: mayChange)
    }

    /// Starts a draft with the newest version of `key`: an assessment the first time, a review after one is completed.
    /// A draft already open with that instrument is returned instead of a second.
    public func start(_ key: String, on record: RecordForChange, at now: Date) async throws -> Int64 {
        guard record.visible.contains(.notes) else { throw Self.restricted }
        guard let instrument = try await catalogue.current().first(where: { $0.key == key }) else {
            throw Refusal.invalid("Choose an assessment from the list.")
        }
        let personID = record.personID
        let existing = try await AssessmentQueries(store: store).assessments(of: personID).filter { $0.instrument.key == key && $0.rater == .adviser }
        if let draft = existing.first(where: { !$0.isCompleted }) { return draft.id }
        let kind: AssessmentKind = existing.contains(where: \.isCompleted) ? .review : .assessment
        return try await store.change(by: record.grant.actor, at: now) { tx in
            try await tx.startAssessment(of: personID, with: instrument.reference, kind: kind, rater: .adviser, on: .today(from: now))
        }
    }

    /// One assessment with its definition; the view is audited.
    public func detail(_ id: Int64, of personID: Int64, for grant: AccessGrant, at now: Date) async throws -> AssessmentDetail {
        try grant.require(.readRecords)
        guard try await CaseloadLookup(store: store).placement(of: personID, in: grant.scope) != nil else { throw CaseworkDesk.notFound }
        let opened = try await BreakGlassDesk(store: store).opening(for: grant, person: personID, at: now).classes
        guard grant.visibleClasses.union(opened).contains(.notes) else { throw Self.restricted }
        let found = try await found(id, personID, grant.scope)
        try await ViewAudit.record(store, grant, at: now, entity: "assessment", entityID: id, personID: personID, detail: "assessment")
        return found
    }

    /// Saves a draft's ratings, and completes it when asked (every area must be rated).
    /// A completed assessment is refused, whatever is sent: it is kept as it was.
    public func save(_ id: Int64, ratings: [String: Int], summary: String?, complete: Bool, on record: RecordForChange, at now: Date) async throws {
        guard record.visible.contains(.notes) else { throw Self.restricted }
        let personID = record.personID
        let detail = try await found(id, personID, record.grant.scope)
        guard !detail.assessment.isCompleted else { throw Self.completed(detail.assessment) }
        guard detail.assessment.rater == .adviser else {
            throw Refusal.conflict("This is the young person’s own view. It is kept in their words; record yours as an assessment or review.")
        }
        let problems = RatingsCheck.problems(ratings, against: detail.instrument, complete: complete)
        if let first = problems.first { throw Refusal.invalid(first.rule) }
        let words = summary.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        if let words, words.count > 2_000 { throw Refusal.invalid("The summary must be at most 2,000 characters.") }
        do {
            try await store.change(by: record.grant.actor, at: now) { tx in
                try await tx.saveDraftRatings(ratings, summary: words, of: id, for: personID)
                if complete { try await tx.completeAssessment(id, for: personID) }
            }
        } catch AssessmentStoreError.completed {
            // Completed by someone else since the form was opened.
            throw Self.completed(detail.assessment)
        }
    }

    static func completed(_ assessment: StoredAssessment) -> Refusal {
        .conflict("This \(assessment.kind.label.lowercased()) was completed and is kept exactly as it was. To record a change, start a review.")
    }

    private func found(_ id: Int64, _ personID: Int64, _ scope: RecordScope) async throws -> AssessmentDetail {
        guard let assessment = try await AssessmentQueries(store: store).assessment(id, of: personID) else { throw Self.noSuchAssessment }
        guard let instrument = try await catalogue.instrument(assessment.instrument) else {
            throw Refusal.conflict("The instrument \(assessment.instrument) is no longer installed, so this assessment cannot be shown.")
        }
        let name = try await PersonNamesQuery(store: store).names(of: [personID], in: scope)[personID]
        return AssessmentDetail(assessment: assessment, instrument: instrument, personName: name ?? "")
    }
}
