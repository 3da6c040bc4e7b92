import Foundation
import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// Why the store would not change an assessment.
public enum AssessmentStoreError: Error, Equatable, CustomStringConvertible {
    /// Completed assessments are kept as they were; the database's triggers say the same.
    case completed(id: Int64)

    public var description: String {
        switch self {
        case .completed(let id): "assessment \(id) is completed and cannot be changed"
        }
    }
}

extension ChangeTransaction {
    /// Keeps an instrument an LA loaded, whole, as JSON. The audit names its key and version.
    @discardableResult
    public func loadInstrument(_ instrument: Instrument, definition: String) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "assessment_instrument",
            [("instrument_key", instrument.key), ("version", instrument.version), ("title", instrument.title), ("definition", definition)])
        try await audit(.create, entity: "assessment_instrument", entityID: id, personID: nil, detail: "instrument=\(instrument.reference)")
        return id
    }

    /// Starts a draft assessment or review (or a young person's own view) on `day`.
    public func startAssessment(
        of personID: Int64, with instrument: InstrumentReference, kind: AssessmentKind, rater: AssessmentRater, on day: CalendarDate
    ) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "assessment",
            [("person_id", personID), ("instrument_key", instrument.key), ("instrument_version", instrument.version), ("kind", kind.rawValue),
             ("rater", rater.rawValue), ("status", AssessmentStatus.draft.rawValue), ("assessed_on", day.iso)])
        try await audit(.create, entity: "assessment", entityID: id, personID: personID, detail: "instrument=\(instrument); kind=\(kind.rawValue); rater=\(rater.rawValue)")
        return id
    }

    /// Replaces a draft's ratings and summary. A completed assessment is refused here
    /// (and by the database, should anything get past this).
    public func saveDraftRatings(_ ratings: [String: Int], summary: String?, of assessmentID: Int64, for personID: Int64) async throws {
        try await requireDraft(assessmentID, of: personID)
        try await db.delete(from: "assessment_rating").where("assessment_id", .equal, assessmentID).run()
        try await insertRatings(ratings, of: assessmentID, for: personID)
        try await db.update("assessment").set("summary", to: SQLBind(summary)).set("recorded_at", to: recordedAt)
            .set("recorded_by", to: SQLBind(actor.userID)).set("source", to: actor.source)
            .where("id", .equal, assessmentID).where("status", .equal, AssessmentStatus.draft.rawValue)
            .run()
        try await audit(.update, entity: "assessment", entityID: assessmentID, personID: personID, detail: "draft; rated=\(ratings.count)")
    }

    /// Completes a draft: from now on it is kept exactly as it is.
    public func completeAssessment(_ assessmentID: Int64, for personID: Int64) async throws {
        try await requireDraft(assessmentID, of: personID)
        try await db.update("assessment").set("status", to: AssessmentStatus.completed.rawValue).set("completed_at", to: recordedAt)
            .set("completed_by", to: SQLBind(actor.userID))
            .where("id", .equal, assessmentID).where("status", .equal, AssessmentStatus.draft.rawValue)
            .run()
        try await audit(.update, entity: "assessment", entityID: assessmentID, personID: personID, detail: "completed")
    }

    private func requireDraft(_ assessmentID: Int64, of personID: Int64) async throws {
        guard let row = try await db.select().column("status").from("assessment")
            .where("id", .equal, assessmentID).where("person_id", .equal, personID).first()
        else { throw StoreError.notFound(entity: "assessment", id: assessmentID) }
        guard try row.decode(column: "status", as: String.self) == AssessmentStatus.draft.rawValue else {
            throw AssessmentStoreError.completed(id: assessmentID)
        }
    }

    private func insertRatings(_ ratings: [String: Int], of assessmentID: Int64, for personID: Int64) async throws {
        guard !ratings.isEmpty else { return }
        var insert = db.insert(into: "assessment_rating").columns("person_id", "assessment_id", "area_key", "rating", "source", "recorded_by", "recorded_at")
        for (area, rating) in ratings.sorted(by: { $0.key < $1.key }) {
            insert = insert.values(
                SQLBind(personID), SQLBind(assessmentID), SQLBind(area), SQLBind(rating), SQLBind(actor.source), SQLBind(actor.userID), SQLBind(recordedAt))
        }
        try await insert.run()
    }
}
