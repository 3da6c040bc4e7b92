import Foundation
import SQLKit
public import WaymarkCore
public import WaymarkRecords

extension ChangeTransaction {
    /// Stores the answer and marks the campaign member as having responded.
    /// One answer per link: nil when this link was already answered. The check
    /// sits inside the transaction, so two quick taps cannot both pass it.
    @discardableResult
    public func recordSelfServiceAnswer(_ answer: NewSelfServiceAnswer, for personID: Int64) async throws -> Int64? {
        let existing = try await db.select().column("id").from("self_service_answer")
            .where("campaign_member_id", .equal, answer.campaignMemberID).first()
        guard existing == nil else { return nil }
        let id = try await insertReturningID(
            into: "self_service_answer",
            [("person_id", personID), ("campaign_member_id", answer.campaignMemberID), ("choice", answer.choice.rawValue),
             ("activity_code", answer.choice.activityCode.rawValue), ("place", answer.place), ("since", answer.since?.iso),
             ("phone", answer.phone), ("email", answer.email), ("preferred_channel", answer.preferredChannel?.rawValue),
             ("status", SelfServiceAnswerStatus.awaiting.rawValue)])
        try await audit(.create, entity: "self_service_answer", entityID: id, personID: personID, detail: "self-declared")
        try await markResponded(memberID: answer.campaignMemberID)
        return id
    }

    /// Closes an awaiting answer; false when someone else already did.
    public func settleSelfServiceAnswer(_ id: Int64, as status: SelfServiceAnswerStatus, by userID: Int64, personID: Int64) async throws -> Bool {
        let settled = try await db.update("self_service_answer").set("status", to: status.rawValue).set("verified_by", to: userID)
            .set("verified_at", to: recordedAt)
            .where("id", .equal, id).where("status", .equal, SelfServiceAnswerStatus.awaiting.rawValue)
            .returning("id").all()
        guard !settled.isEmpty else { return false }
        try await audit(.update, entity: "self_service_answer", entityID: id, personID: personID, detail: status.rawValue)
        return true
    }
}

public struct SelfServiceAnswerQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    /// Answers waiting for an officer, oldest first, limited to the people in scope.
    public func awaiting(in scope: RecordScope, limit: Int = 200) async throws -> [StoredSelfServiceAnswer] {
        try await select(scope).where(SQLColumn("status", table: "a"), .equal, SQLBind(SelfServiceAnswerStatus.awaiting.rawValue))
            .orderBy(SQLColumn("id", table: "a")).limit(limit).all().map(Self.decode)
    }

    public func answer(_ id: Int64, in scope: RecordScope) async throws -> StoredSelfServiceAnswer? {
        try await select(scope).where(SQLColumn("id", table: "a"), .equal, SQLBind(id)).first().map(Self.decode)
    }

    /// Whether the link for this campaign member has already been answered.
    public func isAnswered(member: Int64) async throws -> Bool {
        try await db.select().column("id").from("self_service_answer").where("campaign_member_id", .equal, member).first() != nil
    }

    private func select(_ scope: RecordScope) -> SQLSelectBuilder {
        db.select()
            .column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("a")))
            .column(SQLColumn("given_name", table: "p")).column(SQLColumn("family_name", table: "p"))
            .from(SQLAlias(SQLIdentifier("self_service_answer"), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier("young_person"), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "p"), .equal, SQLColumn("person_id", table: "a"))
            .where(scope.condition(on: "p"))
    }

    static func decode(_ row: any SQLRow) throws -> StoredSelfServiceAnswer {
        let statusText = try row.decode(column: "status", as: String.self)
        guard let status = SelfServiceAnswerStatus(rawValue: statusText) else {
            throw StoreError.invalidStoredValue(table: "self_service_answer", column: "status", value: statusText)
        }
        return StoredSelfServiceAnswer(
            id: try row.decode(column: "id", as: Int64.self), personID: try row.decode(column: "person_id", as: Int64.self),
            givenName: try row.decode(column: "given_name", as: String.self), familyName: try row.decode(column: "family_name", as: String.self),
            campaignMemberID: try row.decode(column: "campaign_member_id", as: Int64?.self),
            choice: try row.decode(column: "choice", as: String?.self).flatMap(SelfDeclaredActivity.init(rawValue:)),
            activityCode: try row.decode(column: "activity_code", as: Int.self), place: try row.decode(column: "place", as: String?.self),
            since: try row.decode(column: "since", as: String?.self).flatMap { try? CalendarDate(iso: $0) },
            phone: try row.decode(column: "phone", as: String?.self), email: try row.decode(column: "email", as: String?.self),
            preferredChannel: try row.decode(column: "preferred_channel", as: String?.self).flatMap(ContactChannel.init(rawValue:)),
            status: status, answeredAt: try row.decode(column: "recorded_at", as: String.self))
    }
}
