public import Foundation
public import WaymarkCore
public import WaymarkRecords
import WaymarkFormats
public import WaymarkStore

/// What a manager asked to see: one instrument, the whole LA or one adviser's
/// caseload, and (for a cohort) only those first assessed from a day.
public struct DistanceQuestion: Sendable, Equatable {
    public let instrumentKey: String
    public let adviserID: Int64?
    public let firstAssessedFrom: CalendarDate?

    public init(instrumentKey: String, adviserID: Int64?, firstAssessedFrom: CalendarDate?) {
        self.instrumentKey = instrumentKey
        self.adviserID = adviserID
        self.firstAssessedFrom = firstAssessedFrom
    }
}

/// The answer, with what the page offers to ask next.
public struct DistanceView: Sendable {
    public let question: DistanceQuestion
    public let instrument: Instrument
    public let distance: DistanceTravelled
    public let instruments: [Instrument]
    public let advisers: [StoredUser]
}

/// Distance travelled for managers: how far young people moved between
/// their first and latest completed adviser assessment, per area and
/// overall. Counts and means only, no young person named, so (like the team
/// table) the page and its download write no view event.
public struct DistanceTravelledDesk: Sendable {
    let store: Store
    let laCode: String

    public init(store: Store, laCode: String) {
        self.store = store
        self.laCode = laCode
    }

    public func distance(_ question: DistanceQuestion?, for grant: AccessGrant) async throws -> DistanceView {
        try grant.require(.teamOverview)
        let instruments = try await InstrumentCatalogue(store: store).current()
        let asked = question ?? DistanceQuestion(instrumentKey: InstrumentCatalogue.defaultKey, adviserID: nil, firstAssessedFrom: nil)
        guard let instrument = instruments.first(where: { $0.key == asked.instrumentKey }) else {
            throw Refusal.invalid("Choose an assessment from the list.")
        }
        let advisers = try await UserQueries(store: store).advisers(organisationID: grant.user.organisationID)
        if let adviser = asked.adviserID, !advisers.contains(where: { $0.id == adviser }) {
            throw Refusal.notFound("There is no adviser with that id in your team.")
        }
        let (ends, single) = try await AssessmentQueries(store: store).ends(
            instrumentKey: instrument.key, laCode: laCode, adviserID: asked.adviserID, firstFrom: asked.firstAssessedFrom)
        return DistanceView(
            question: asked, instrument: instrument, distance: DistanceTravelled(instrument: instrument, ends: ends, single: single),
            instruments: instruments, advisers: advisers)
    }

    public func export(_ question: DistanceQuestion?, format: ExportFormat, for grant: AccessGrant, at now: Date) async throws -> ExportDownload {
        let view = try await distance(question, for: grant)
        let rows: [[SpreadsheetCell]] = view.distance.areas.map { area in
            [.text(area.title), .integer(area.people), .number(Self.rounded(area.firstMean)), .number(Self.rounded(area.latestMean)),
             .number(Self.rounded(area.meanChange)), .integer(area.improved), .integer(area.same), .integer(area.worse)]
        } + [[.text("Overall"), .integer(view.distance.people), .empty, .empty, view.distance.overallMeanChange.map { .number(Self.rounded($0)) } ?? .empty,
              .integer(view.distance.overallImproved), .integer(view.distance.overallSame), .integer(view.distance.overallWorse)]]
        let table = SpreadsheetTable(
            title: "Distance travelled",
            columns: ["Area", "Young people", "First (mean)", "Latest (mean)", "Change (points, + is better)", "Better", "Same", "Worse"], rows: rows)
        return ExportDownload(table, format: format, fileStem: ExportDownload.stem("distance-travelled-\(view.instrument.key)", on: now))
    }

    /// Two places, as the page shows them.
    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
