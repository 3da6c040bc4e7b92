import SQLKit
public import WaymarkCore
public import WaymarkRecords

extension ChangeTransaction {
    /// Adds a parent, carer or professional to a young person's record from `day`.
    /// The audit names the relationship, never the person.
    @discardableResult
    public func addPersonContact(_ contact: PersonContactDetails, for personID: Int64, from day: CalendarDate) async throws -> Int64 {
        let id = try await insertReturningID(into: "person_contact", Self.columns(contact) + [("person_id", personID), ("started_on", day.iso)])
        try await audit(.create, entity: "person_contact", entityID: id, personID: personID, detail: "relationship=\(contact.relationship.rawValue)")
        return id
    }

    /// Corrects a current contact's details in place; the audit trail keeps when and by whom.
    public func updatePersonContact(_ id: Int64, of personID: Int64, to contact: PersonContactDetails) async throws {
        var update = db.update("person_contact")
        for (column, value) in Self.columns(contact) { update = update.set(SQLIdentifier(column), to: SQLBind(value)) }
        try await update.where("id", .equal, id).where("person_id", .equal, personID).where("ended_on", .is, SQLLiteral.null).run()
        try await audit(.update, entity: "person_contact", entityID: id, personID: personID, detail: "relationship=\(contact.relationship.rawValue)")
    }

    /// Ends a contact on `day`: the row stays, so the record shows who was involved when.
    public func endPersonContact(_ id: Int64, of personID: Int64, on day: CalendarDate) async throws {
        try await db.update("person_contact").set("ended_on", to: day.iso)
            .where("id", .equal, id).where("person_id", .equal, personID).where("ended_on", .is, SQLLiteral.null)
            .run()
        try await audit(.update, entity: "person_contact", entityID: id, personID: personID, detail: "ended")
    }

    private static func columns(_ contact: PersonContactDetails) -> [(String, any Encodable & Sendable)] {
        [
            ("name", contact.name), ("relationship", contact.relationship.rawValue), ("organisation", contact.organisation), ("phone", contact.phone),
            ("email", contact.email), ("address", contact.address), ("lives_with", contact.livesWithYoungPerson),
            ("parental_responsibility", contact.hasParentalResponsibility), ("agrees_to_contact", contact.youngPersonAgreesToContact),
            ("notes", contact.notes),
        ]
    }
}
