public import WaymarkCore

/// A contact with a young person, as recorded.
public struct StoredContact: Sendable, Equatable {
    public let id: Int64
    public let occurredAt: String
    public let method: String
    public let direction: String
    public let outcome: String
    public let summary: String?
    public let nextStep: String?
    public let source: String
    public let recordedBy: Int64?

    /// The contact without what the adviser wrote: that it happened, how and
    /// with what outcome, for those who may not read advisers' notes.
    public func withoutNotes() -> StoredContact {
        StoredContact(
            id: id, occurredAt: occurredAt, method: method, direction: direction, outcome: outcome, summary: nil, nextStep: nil,
            source: source, recordedBy: recordedBy)
    }

    public init(id: Int64, occurredAt: String, method: String, direction: String, outcome: String, summary: String?, nextStep: String?,
        source: String, recordedBy: Int64?) {
        self.id = id
        self.occurredAt = occurredAt
        self.method = method
        self.direction = direction
        self.outcome = outcome
        self.summary = summary
        self.nextStep = nextStep
        self.source = source
        self.recordedBy = recordedBy
    }
}

/// A phone number or e-mail address with its period, as recorded.
public struct StoredContactDetail: Sendable, Equatable {
    public let detail: ContactDetailRecord
    public let source: String
    public let recordedAt: String

    public init(detail: ContactDetailRecord, source: String, recordedAt: String) {
        self.detail = detail
        self.source = source
        self.recordedAt = recordedAt
    }
}

/// An appointment with a young person, as recorded.
public struct StoredAppointment: Sendable, Equatable {
    public let id: Int64
    public let startsAt: String
    public let place: String?
    public let status: String
    public let userID: Int64

    public init(id: Int64, startsAt: String, place: String?, status: String, userID: Int64) {
        self.id = id
        self.startsAt = startsAt
        self.place = place
        self.status = status
        self.userID = userID
    }
}
