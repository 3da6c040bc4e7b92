public import WaymarkCore

/// One assessment or review as stored: a draft until completed, then never changed.
public struct StoredAssessment: Sendable, Equatable {
    public let id: Int64
    public let personID: Int64
    public let instrument: InstrumentReference
    public let kind: AssessmentKind
    public let rater: AssessmentRater
    public let status: AssessmentStatus
    /// The day the ratings describe.
    public let assessedOn: CalendarDate
    /// By area key.
    public let ratings: [String: Int]
    /// What was agreed or noticed, for staff who see casework notes (never on the young person's page).
    public let summary: String?
    public let completedAt: String?
    public let source: String
    public let recordedBy: Int64?
    public let recordedAt: String

    public init(
        id: Int64, personID: Int64, instrument: InstrumentReference, kind: AssessmentKind, rater: AssessmentRater, status: AssessmentStatus,
        assessedOn: CalendarDate, ratings: [String: Int], summary: String?, completedAt: String?, source: String, recordedBy: Int64?, recordedAt: String
    ) {
        self.id = id
        self.personID = personID
        self.instrument = instrument
        self.kind = kind
        self.rater = rater
        self.status = status
        self.assessedOn = assessedOn
        self.ratings = ratings
        self.summary = summary
        self.completedAt = completedAt
        self.source = source
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    public var isCompleted: Bool { status == .completed }
}

/// An instrument as loaded: its definition, and who loaded it when.
public struct LoadedInstrument: Sendable, Equatable {
    public let instrument: Instrument
    public let source: String
    public let recordedAt: String

    public init(instrument: Instrument, source: String, recordedAt: String) {
        self.instrument = instrument
        self.source = source
        self.recordedAt = recordedAt
    }
}
