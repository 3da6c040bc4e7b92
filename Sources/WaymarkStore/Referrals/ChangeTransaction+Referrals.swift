import SQLKit
public import WaymarkCore
public import WaymarkRecords

extension ChangeTransaction {
    /// Stores a draft referral and its first step. The audit detail carries
    /// ids and codes; the summary stays on the referral, which goes with the person.
    public func createReferral(_ referral: NewReferral) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "referral",
            [("person_id", referral.personID), ("from_organisation_id", referral.fromOrganisationID), ("from_user_id", referral.fromUserID),
             ("to_organisation_id", referral.toOrganisationID), ("to_user_id", Int64?.none), ("purpose", referral.purpose.rawValue),
             ("summary", referral.summary), ("state", ReferralState.draft.rawValue), ("state_since", recordedAt),
             ("reminder_due", referral.reminderDue?.iso), ("outcome", String?.none)])
        _ = try await insertReturningID(
            into: "referral_step",
            [("person_id", referral.personID), ("referral_id", id), ("action", "create"), ("from_state", String?.none),
             ("to_state", ReferralState.draft.rawValue), ("decline_reason", String?.none), ("outcome", String?.none), ("words", String?.none)])
        try await audit(.create, entity: "referral", entityID: id, personID: referral.personID,
                        detail: "to-organisation=\(referral.toOrganisationID); purpose=\(referral.purpose.rawValue)")
        return id
    }

    /// Moves a referral to its next state, only if it still stands where the
    /// caller read it: two workers acting at once cannot both move it. Returns
    /// false (and writes nothing) when it had moved.
    public func moveReferral(_ move: ReferralMove) async throws -> Bool {
        var update = db.update("referral")
            .set("state", to: SQLBind(move.to.rawValue))
            .set("state_since", to: SQLBind(recordedAt))
            .set("reminder_due", to: SQLBind(move.reminderDue?.iso))
            // A new state starts its own timer: its reminder has not gone yet.
            .set("reminded_on", to: SQLLiteral.null)
        if let outcome = move.outcome { update = update.set("outcome", to: SQLBind(outcome.rawValue)) }
        if let worker = move.takenOnBy { update = update.set("to_user_id", to: SQLBind(worker)) }
        let moved = try await update.where("id", .equal, move.referralID).where("state", .equal, move.from.rawValue)
            .returning("id").all()
        guard !moved.isEmpty else { return false }
        let step = try await insertReturningID(
            into: "referral_step",
            [("person_id", move.personID), ("referral_id", move.referralID), ("action", move.action.rawValue), ("from_state", move.from.rawValue),
             ("to_state", move.to.rawValue), ("decline_reason", move.declineReason?.rawValue), ("outcome", move.outcome?.rawValue),
             ("words", move.words)])
        let detail = ViewDetail.parts([
            ("step", String(step)), ("action", move.action.rawValue), ("from", move.from.rawValue), ("to", move.to.rawValue),
            ("decline-reason", move.declineReason?.rawValue), ("outcome", move.outcome?.rawValue), ("words-characters", move.words.map { String($0.count) }),
        ])
        try await audit(.update, entity: "referral", entityID: move.referralID, personID: move.personID, detail: detail)
        return true
    }

    /// Records what the package shares and withholds, decided when the referral is sent.
    public func recordReferralShares(_ shares: [ReferralShare], referralID: Int64, personID: Int64) async throws {
        for share in shares {
            _ = try await insertReturningID(
                into: "referral_share",
                [("person_id", personID), ("referral_id", referralID), ("data_class", share.dataClass.rawValue), ("shared", share.shared),
                 ("withheld_because", share.withheldBecause)])
        }
        let shared = shares.filter(\.shared).map(\.dataClass).sorted().map(\.rawValue).joined(separator: ",")
        let withheld = shares.filter { !$0.shared }.map(\.dataClass).sorted().map(\.rawValue).joined(separator: ",")
        try await audit(.create, entity: "referral_share", entityID: referralID, personID: personID, detail: "shared=\(shared); withheld=\(withheld)")
    }

    /// Records that the reminder for the state the referral is in went on
    /// `day`, only if it is still in `state` since `since`, due by `day`, and
    /// not reminded yet: two runs (or two servers) cannot both queue it.
    /// False, writing nothing, when another run got there first or the
    /// referral moved on. Audited with ids and the state, never the words.
    public func markReferralReminded(_ referralID: Int64, personID: Int64, state: ReferralState, on day: CalendarDate, recipients: [Int64]) async throws -> Bool {
        let marked = try await db.update("referral").set("reminded_on", to: SQLBind(day.iso))
            .where("id", .equal, referralID).where("state", .equal, state.rawValue)
            .where("reminded_on", .is, SQLLiteral.null).where("reminder_due", .isNot, SQLLiteral.null).where("reminder_due", .lessThanOrEqual, day.iso)
            .returning("id").all()
        guard !marked.isEmpty else { return false }
        try await audit(
            .update, entity: "referral", entityID: referralID, personID: personID,
            detail: "reminder; state=\(state.rawValue); to=\(recipients.isEmpty ? "none" : recipients.map(String.init).joined(separator: ","))")
        return true
    }

    /// A notice in Waymark for `userID` that a referral has waited too long on them.
    public func noticeReferralReminder(referralID: Int64, personID: Int64, for userID: Int64) async throws {
        _ = try await insertReturningID(
            into: "notification",
            [("person_id", personID), ("user_id", userID), ("kind", NotificationKind.referralReminder.rawValue), ("referral_id", referralID)])
    }

    /// A notice in Waymark for `userID` about a referral's change.
    public func noticeReferralChange(referralID: Int64, personID: Int64, for userID: Int64) async throws {
        _ = try await insertReturningID(
            into: "notification",
            [("person_id", personID), ("user_id", userID), ("kind", NotificationKind.referral.rawValue), ("referral_id", referralID)])
    }
}

/// "key=value" parts of an audit detail, leaving out those not set.
enum ViewDetail {
    static func parts(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { key, value in value.map { "\(key)=\($0)" } }.joined(separator: "; ")
    }
}
