import SQLKit
public import WaymarkRecords


/// Reads the changes in force for a school.
public struct RiskListChanges: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        db = store.sql
    }

    public func inForce(school organisationID: Int64) async throws -> [Int64: RiskListChange] {
        var found: [Int64: RiskListChange] = [:]
        let rows = try await db.select().columns("id", "person_id", "organisation_id", "action", "reason", "recorded_by", "recorded_at")
            .from("risk_list_change").where("organisation_id", .equal, organisationID).where("ended_at", .is, SQLLiteral.null)
            .orderBy("id").all()
        for row in rows {
            guard let action = RiskListAction(rawValue: try row.decode(column: "action", as: String.self)) else { continue }
            let change = RiskListChange(
                id: try row.decode(column: "id", as: Int64.self), personID: try row.decode(column: "person_id", as: Int64.self),
                organisationID: organisationID, action: action, reason: try row.decode(column: "reason", as: String.self),
                recordedBy: try row.decode(column: "recorded_by", as: Int64?.self), recordedAt: try row.decode(column: "recorded_at", as: String.self))
            found[change.personID] = change
        }
        return found
    }
}

extension ChangeTransaction {
    /// Puts a pupil on a school's list or takes them off, ending any earlier
    /// change of that school's for them (kept, with who ended it). The audit
    /// names the action; the reason stays in the row.
    @discardableResult
    public func changeRiskList(_ action: RiskListAction, for personID: Int64, school organisationID: Int64, reason: String) async throws -> Int64 {
        try await db.update("risk_list_change").set("ended_at", to: recordedAt).set("ended_by", to: SQLBind(actor.userID))
            .where("person_id", .equal, personID).where("organisation_id", .equal, organisationID).where("ended_at", .is, SQLLiteral.null)
            .run()
        let id = try await insertReturningID(
            into: "risk_list_change",
            [("person_id", personID), ("organisation_id", organisationID), ("action", action.rawValue), ("reason", reason)])
        try await audit(.update, entity: "risk_list_change", entityID: id, personID: personID, detail: "action=\(action.rawValue); organisation=\(organisationID)")
        return id
    }
}
