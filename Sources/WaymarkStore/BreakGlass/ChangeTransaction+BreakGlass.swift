public import Foundation
public import WaymarkCore
import WaymarkRecords

/// A break-the-glass access to store: who opened which classes of whose
/// record, why, until when, and which adviser to tell (nil: nobody).
public struct NewBreakGlassAccess: Sendable, Equatable {
    public var personID: Int64
    public var userID: Int64
    public var reason: String
    public var classes: Set<SensitivityClass>
    public var grantedAt: Date
    public var expiresAt: Date
    public var tellUserID: Int64?

    public init(personID: Int64, userID: Int64, reason: String, classes: Set<SensitivityClass>, grantedAt: Date, expiresAt: Date, tellUserID: Int64?) {
        self.personID = personID
        self.userID = userID
        self.reason = reason
        self.classes = classes
        self.grantedAt = grantedAt
        self.expiresAt = expiresAt
        self.tellUserID = tellUserID
    }
}

/// What a notice is about; the home page draws each kind in its own words.
public enum NotificationKind: String, Sendable {
    case breakGlass = "break-glass"
    /// A referral the user made (or works) changed state.
    case referral
    /// A referral has waited past its state's timer, and it is the user's turn.
    case referralReminder = "referral-reminder"
}

extension ChangeTransaction {
    /// Stores the access, the adviser's notice and the audit event together:
    /// nobody gets access without the trail and the notice.
    ///
    /// The audit detail names the classes, the hours, the reason's length and
    /// who was told, never the reason itself: the trail cannot be erased, and
    /// a reason ("police called about self-harm") describes the young person.
    /// The reason stays in `break_glass_access`, which goes with the person.
    public func recordBreakGlass(_ access: NewBreakGlassAccess) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "break_glass_access",
            [
                ("person_id", access.personID), ("user_id", access.userID), ("reason", access.reason),
                ("classes", SensitivityClassList.encode(access.classes)), ("granted_at", Timestamp.format(access.grantedAt)),
                ("expires_at", Timestamp.format(access.expiresAt)), ("told_user_id", access.tellUserID),
            ])
        if let adviser = access.tellUserID {
            _ = try await insertReturningID(
                into: "notification",
                [("person_id", access.personID), ("user_id", adviser), ("kind", NotificationKind.breakGlass.rawValue), ("break_glass_access_id", id)])
        }
        let minutes = Int(access.expiresAt.timeIntervalSince(access.grantedAt) / 60)
        let detail = [
            "classes=\(SensitivityClassList.encode(access.classes))", "minutes=\(minutes)", "reason-characters=\(access.reason.count)",
            "told=" + (access.tellUserID.map { "user:\($0)" } ?? "nobody"),
        ].joined(separator: "; ")
        try await audit(.breakGlass, entity: "break_glass_access", entityID: id, personID: access.personID, detail: detail)
        return id
    }
}
