import SQLKit
public import WaymarkCore
import WaymarkRecords

/// An involvement to add to the known-to register.
public struct NewInvolvement: Sendable, Equatable {
    public var personID: Int64
    public var organisationID: Int64
    public var workerUserID: Int64?
    /// The worker's name when they have no Waymark account (recorded by hand).
    public var workerName: String?
    public var workerRole: String
    public var from: CalendarDate
    public var referralID: Int64?

    public init(
        personID: Int64, organisationID: Int64, workerUserID: Int64?, workerName: String? = nil, workerRole: String, from: CalendarDate, referralID: Int64? = nil
    ) {
        self.personID = personID
        self.organisationID = organisationID
        self.workerUserID = workerUserID
        self.workerName = workerName
        self.workerRole = workerRole
        self.from = from
        self.referralID = referralID
    }
}

extension ChangeTransaction {
    @discardableResult
    public func openInvolvement(_ involvement: NewInvolvement) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "involvement",
            [("person_id", involvement.personID), ("organisation_id", involvement.organisationID), ("worker_user_id", involvement.workerUserID),
             ("worker_name", involvement.workerName), ("worker_role", involvement.workerRole), ("from_date", involvement.from.iso), ("to_date", String?.none), ("referral_id", involvement.referralID)])
        try await audit(.create, entity: "involvement", entityID: id, personID: involvement.personID,
                        detail: ViewDetail.parts([("organisation", String(involvement.organisationID)), ("referral", involvement.referralID.map(String.init))]))
        return id
    }

    /// Ends an open involvement on `day`; false when it was not open.
    @discardableResult
    public func endInvolvement(_ id: Int64, personID: Int64, on day: CalendarDate) async throws -> Bool {
        let ended = try await db.update("involvement").set("to_date", to: SQLBind(day.iso))
            .where("id", .equal, id).where("person_id", .equal, personID).where("to_date", .is, SQLLiteral.null).returning("id").all()
        guard !ended.isEmpty else { return false }
        try await audit(.update, entity: "involvement", entityID: id, personID: personID, detail: "ended=\(day.iso)")
        return true
    }

    /// Ends the open involvement a referral opened, if any (withdrawn, handed back, closed).
    public func endInvolvement(ofReferral referralID: Int64, personID: Int64, on day: CalendarDate) async throws {
        let open = try await db.select().column("id").from("involvement").where("referral_id", .equal, referralID)
            .where("to_date", .is, SQLLiteral.null).all(decodingColumn: "id", as: Int64.self)
        for id in open { try await endInvolvement(id, personID: personID, on: day) }
    }

    /// Names `userID` lead professional of `personID` from `day`, ending the
    /// current one the day before. Audited with both ids, never the words.
    @discardableResult
    public func setLeadProfessional(personID: Int64, userID: Int64, organisationID: Int64, from day: CalendarDate, agreed: String) async throws -> Int64 {
        let previous = try await db.select().column("id").column("user_id").from("lead_professional").where("person_id", .equal, personID)
            .where("to_date", .is, SQLLiteral.null).first()
        let previousUser = try previous?.decode(column: "user_id", as: Int64.self)
        if let previous {
            try await db.update("lead_professional").set("to_date", to: SQLBind(day.iso))
                .where("id", .equal, try previous.decode(column: "id", as: Int64.self)).run()
        }
        let id = try await insertReturningID(
            into: "lead_professional",
            [("person_id", personID), ("user_id", userID), ("organisation_id", organisationID), ("from_date", day.iso), ("to_date", String?.none),
             ("agreed", agreed)])
        try await audit(.update, entity: "lead_professional", entityID: id, personID: personID,
                        detail: ViewDetail.parts([("user", String(userID)), ("previous-user", previousUser.map(String.init)), ("from", day.iso)]))
        return id
    }
}
