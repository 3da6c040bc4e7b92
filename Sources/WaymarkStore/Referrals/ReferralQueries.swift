public import Foundation
import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// Reads referrals. Which of them a user may see is the use case's decision;
/// these answer by id, by service, by young person and by due reminder.
public struct ReferralQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        db = store.sql
    }

    static let columns: SQLQueryString = """
        SELECT r.id, r.person_id, r.from_organisation_id, fo.name AS from_organisation_name, r.from_user_id, fu.display_name AS from_user_name,
          r.to_organisation_id, t.name AS to_organisation_name, t.kind AS to_organisation_kind, r.to_user_id, r.purpose, r.summary, r.state,
          r.state_since, r.reminder_due, r.outcome, r.recorded_at, p.given_name, p.family_name
        FROM referral r
        JOIN young_person p ON p.id = r.person_id
        JOIN organisation fo ON fo.id = r.from_organisation_id
        JOIN organisation t ON t.id = r.to_organisation_id
        JOIN app_user fu ON fu.id = r.from_user_id
        """

    public func referral(_ id: Int64) async throws -> StoredReferral? {
        try await db.raw(Self.columns + " WHERE r.id = \(bind: id)").first().map(Self.decode)
    }

    /// Referrals sent to an organisation (drafts are the sender's alone), newest first.
    public func received(by organisationID: Int64, limit: Int = 200) async throws -> [StoredReferral] {
        try await db.raw(Self.columns + " WHERE r.to_organisation_id = \(bind: organisationID) AND r.state <> \(bind: ReferralState.draft.rawValue) ORDER BY r.id DESC LIMIT \(bind: limit)")
            .all().map(Self.decode)
    }

    /// Referrals an organisation made, newest first.
    public func sent(by organisationID: Int64, limit: Int = 200) async throws -> [StoredReferral] {
        try await db.raw(Self.columns + " WHERE r.from_organisation_id = \(bind: organisationID) ORDER BY r.id DESC LIMIT \(bind: limit)")
            .all().map(Self.decode)
    }

    /// A young person's referrals, newest first.
    public func of(person: Int64) async throws -> [StoredReferral] {
        try await db.raw(Self.columns + " WHERE r.person_id = \(bind: person) ORDER BY r.id DESC").all().map(Self.decode)
    }

    /// Referrals whose reminder has fallen due by `today` and not been queued
    /// for the state they are in, oldest due first.
    public func remindersDue(on today: CalendarDate, limit: Int = 500) async throws -> [StoredReferral] {
        try await db.raw(Self.columns + " WHERE r.reminder_due IS NOT NULL AND r.reminder_due <= \(bind: today.iso) AND r.reminded_on IS NULL ORDER BY r.reminder_due, r.id LIMIT \(bind: limit)")
            .all().map(Self.decode)
    }

    /// Every step the referral took, oldest first.
    public func steps(of referralID: Int64) async throws -> [StoredReferralStep] {
        try await db.raw("""
            SELECT s.id, s.action, s.from_state, s.to_state, s.decline_reason, s.outcome, s.words, s.recorded_by, s.recorded_at, u.display_name
            FROM referral_step s LEFT JOIN app_user u ON u.id = s.recorded_by
            WHERE s.referral_id = \(bind: referralID) ORDER BY s.id
            """).all().map { row in
            StoredReferralStep(
                id: try row.decode(column: "id", as: Int64.self), action: try row.decode(column: "action", as: String.self),
                fromState: try ReferralColumnValues.optionalCode(row, "from_state", table: "referral_step"),
                toState: try ReferralColumnValues.code(row, "to_state", table: "referral_step"),
                declineReason: try ReferralColumnValues.optionalCode(row, "decline_reason", table: "referral_step"),
                outcome: try ReferralColumnValues.optionalCode(row, "outcome", table: "referral_step"), words: try row.decode(column: "words", as: String?.self),
                userID: try row.decode(column: "recorded_by", as: Int64?.self), userName: try row.decode(column: "display_name", as: String?.self),
                at: try ReferralColumnValues.instant(row, "recorded_at", table: "referral_step"))
        }
    }

    /// The package: each class asked for, shared or withheld.
    public func shares(of referralID: Int64) async throws -> [ReferralShare] {
        try await db.select().columns("data_class", "shared", "withheld_because").from("referral_share")
            .where("referral_id", .equal, referralID).orderBy("id").all().map { row in
                ReferralShare(
                    dataClass: try ReferralColumnValues.code(row, "data_class", table: "referral_share"), shared: try row.decode(column: "shared", as: Bool.self),
                    withheldBecause: try row.decode(column: "withheld_because", as: String?.self))
            }
            .sorted { $0.dataClass < $1.dataClass }
    }

    /// The referrals of `userID`'s notices of `kind` from `since`, newest first.
    public func notices(for userID: Int64, since: Date, kind: NotificationKind = .referral, limit: Int = 20) async throws -> [Int64] {
        try await db.select().column("referral_id").from("notification")
            .where("user_id", .equal, userID).where("kind", .equal, kind.rawValue)
            .where("recorded_at", .greaterThanOrEqual, Timestamp.format(since))
            .orderBy("id", .descending).limit(limit).all(decodingColumn: "referral_id", as: Int64.self)
    }

    static func decode(_ row: any SQLRow) throws -> StoredReferral {
        let table = "referral"
        return StoredReferral(
            id: try row.decode(column: "id", as: Int64.self), personID: try row.decode(column: "person_id", as: Int64.self),
            personName: (try row.decode(column: "given_name", as: String?.self) ?? "") + " " + (try row.decode(column: "family_name", as: String?.self) ?? ""),
            fromOrganisationID: try row.decode(column: "from_organisation_id", as: Int64.self),
            fromOrganisationName: try row.decode(column: "from_organisation_name", as: String.self),
            fromUserID: try row.decode(column: "from_user_id", as: Int64.self), fromUserName: try row.decode(column: "from_user_name", as: String.self),
            toOrganisationID: try row.decode(column: "to_organisation_id", as: Int64.self),
            toOrganisationName: try row.decode(column: "to_organisation_name", as: String.self),
            toOrganisationKind: try ReferralColumnValues.code(row, "to_organisation_kind", table: "organisation"),
            toUserID: try row.decode(column: "to_user_id", as: Int64?.self), purpose: try ReferralColumnValues.code(row, "purpose", table: table),
            summary: try row.decode(column: "summary", as: String.self), state: try ReferralColumnValues.code(row, "state", table: table),
            stateSince: try ReferralColumnValues.instant(row, "state_since", table: table), reminderDue: try ReferralColumnValues.optionalDate(row, "reminder_due", table: table),
            outcome: try ReferralColumnValues.optionalCode(row, "outcome", table: table), createdAt: try ReferralColumnValues.instant(row, "recorded_at", table: table))
    }
}
