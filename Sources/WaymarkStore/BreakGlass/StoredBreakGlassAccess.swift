public import Foundation
public import WaymarkCore
public import WaymarkRecords

/// One break-the-glass access as the data-protection review reads it.
public struct StoredBreakGlassAccess: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let personID: Int64
    public let userID: Int64
    public let userName: String
    public let userRole: Role
    public let reason: String
    public let classes: Set<SensitivityClass>
    public let grantedAt: Date
    public let expiresAt: Date
    /// The adviser the notice was stored for, nil when nobody was told.
    public let toldUserName: String?
}

/// The classes a user has open on one record now, and until when.
public struct BreakGlassOpening: Sendable, Equatable {
    public let classes: Set<SensitivityClass>
    /// The latest expiry among the accesses still running.
    public let until: Date?

    public static let none = BreakGlassOpening(classes: [], until: nil)
}

/// A young person as the break-the-glass page needs them: who, and whose
/// caseload they are on (the adviser who will be told).
public struct BreakGlassSubject: Sendable, Equatable {
    public struct Adviser: Sendable, Equatable {
        public let id: Int64
        public let name: String
        public let disabled: Bool
    }

    public let personID: Int64
    public let name: String
    public let adviser: Adviser?
}
