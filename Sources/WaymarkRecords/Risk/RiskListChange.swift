public import WaymarkCore

/// What a school did to its list: put a pupil on it or take them off, and why.
public enum RiskListAction: String, Sendable, CaseIterable {
    case add, remove
}

/// A school's change to its list, in force until ended.
public struct RiskListChange: Sendable, Equatable {
    public let id: Int64
    public let personID: Int64
    public let organisationID: Int64
    public let action: RiskListAction
    public let reason: String
    public let recordedBy: Int64?
    public let recordedAt: String

    public init(id: Int64, personID: Int64, organisationID: Int64, action: RiskListAction, reason: String, recordedBy: Int64?, recordedAt: String) {
        self.id = id
        self.personID = personID
        self.organisationID = organisationID
        self.action = action
        self.reason = reason
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// One saved version of the risk-of-NEET settings, with who saved it, when and why.
public struct RiskSettingsVersion: Sendable, Equatable {
    public let id: Int64
    public let settings: RiskSettings
    public let reason: String?
    public let recordedBy: Int64?
    public let recordedAt: String

    public init(id: Int64, settings: RiskSettings, reason: String?, recordedBy: Int64?, recordedAt: String) {
        self.id = id
        self.settings = settings
        self.reason = reason
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
