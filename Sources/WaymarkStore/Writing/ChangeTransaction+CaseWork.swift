public import Foundation
import SQLKit
public import WaymarkRecords

extension ChangeTransaction {
    @discardableResult
    public func recordContact(_ contact: NewContact, for personID: Int64) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "contact",
            [("person_id", personID), ("occurred_at", Timestamp.format(contact.occurredAt)), ("method", contact.method.rawValue),
             ("direction", contact.direction.rawValue), ("outcome", contact.outcome), ("summary", contact.summary),
             ("next_step", contact.nextStep)])
        try await audit(.create, entity: "contact", entityID: id, personID: personID, detail: contact.method.rawValue)
        return id
    }

    /// Adds a note; a sensitive note is shown only to those who need it.
    @discardableResult
    public func addNote(_ body: String, sensitive: Bool, for personID: Int64) async throws -> Int64 {
        let id = try await insertReturningID(into: "note", [("person_id", personID), ("body", body), ("sensitive", sensitive)])
        try await audit(.create, entity: "note", entityID: id, personID: personID, detail: sensitive ? "sensitive" : nil)
        return id
    }

    /// Records that someone looked at a young person's record.
    public func recordView(of personID: Int64, page: String) async throws {
        try await audit(.view, entity: "young_person", entityID: personID, personID: personID, detail: page)
    }
}
