public import Foundation
import SQLKit
public import WaymarkCore
public import WaymarkRecords

extension ChangeTransaction {
    /// Puts a young person on an adviser's caseload (or takes them off with nil), with a tier.
    public func assignCaseload(of personID: Int64, adviserID: Int64?, tier: CaseloadTier?, since: CalendarDate) async throws {
        try await db.update("young_person")
            .set("pa_user_id", to: SQLBind(adviserID))
            .set("tier", to: SQLBind(tier?.rawValue))
            .set("caseload_since", to: SQLBind(adviserID == nil ? nil : since.iso))
            .where("id", .equal, personID)
            .run()
        try await audit(
            .update, entity: "young_person", entityID: personID, personID: personID,
            detail: "adviser=\(adviserID.map(String.init) ?? "none") tier=\(tier.map { String($0.rawValue) } ?? "none")")
    }

    @discardableResult
    public func addFollowUp(_ followUp: NewFollowUp, for personID: Int64) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "follow_up",
            [("person_id", personID), ("assigned_user_id", followUp.assignedUserID), ("due_on", followUp.dueOn.iso),
             ("description", followUp.description)])
        try await audit(.create, entity: "follow_up", entityID: id, personID: personID)
        return id
    }

    /// Marks an open follow-up done; a follow-up of another person, or one already done, is not found.
    public func completeFollowUp(id: Int64, for personID: Int64) async throws {
        let open = try await db.select().column("id").from("follow_up")
            .where("id", .equal, id).where("person_id", .equal, personID).where("completed_at", .is, SQLLiteral.null)
            .first()
        guard open != nil else { throw StoreError.notFound(entity: "open follow-up", id: id) }
        try await db.update("follow_up")
            .set("completed_at", to: recordedAt)
            .set("completed_by", to: SQLBind(actor.userID))
            .where("id", .equal, id)
            .run()
        try await audit(.update, entity: "follow_up", entityID: id, personID: personID, detail: "completed")
    }

    @discardableResult
    public func bookAppointment(_ appointment: NewAppointment, for personID: Int64) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "appointment",
            [("person_id", personID), ("user_id", appointment.userID), ("starts_at", Timestamp.format(appointment.startsAt)),
             ("place", appointment.place), ("status", appointment.status.rawValue)])
        try await audit(.create, entity: "appointment", entityID: id, personID: personID, detail: appointment.status.rawValue)
        return id
    }

    /// Records whether the young person came; an appointment of another person is not found.
    public func setAppointmentStatus(id: Int64, for personID: Int64, to status: NewAppointment.Status) async throws {
        let found = try await db.select().column("id").from("appointment").where("id", .equal, id).where("person_id", .equal, personID).first()
        guard found != nil else { throw StoreError.notFound(entity: "appointment", id: id) }
        try await db.update("appointment").set("status", to: status.rawValue).where("id", .equal, id).run()
        try await audit(.update, entity: "appointment", entityID: id, personID: personID, detail: status.rawValue)
    }
}
