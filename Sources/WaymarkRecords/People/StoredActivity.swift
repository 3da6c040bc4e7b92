public import WaymarkCore

/// An activity as stored, with its id and provenance.
public struct StoredActivity: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let activity: ActivityRecord
    public let organisationID: Int64?
    public let source: String
    public let recordedBy: Int64?
    public let recordedAt: String

    public init(id: Int64, activity: ActivityRecord, organisationID: Int64?, source: String, recordedBy: Int64?, recordedAt: String) {
        self.id = id
        self.activity = activity
        self.organisationID = organisationID
        self.source = source
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
