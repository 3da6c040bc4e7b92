public import Foundation
import SQLKit

/// A contact with (or attempt to reach) a young person.
public struct NewContact: Sendable, Equatable {
    public enum Method: String, CaseIterable, Sendable { case faceToFace = "face-to-face", phone, sms, email, letter, visit, video, online }
    public enum Direction: String, CaseIterable, Sendable { case outbound, inbound }

    public var occurredAt: Date
    public var method: Method
    public var direction: Direction
    /// What happened, in the adviser's words ("spoke to young person", "no answer").
    public var outcome: String
    public var summary: String?
    /// What was agreed to happen next, if anything.
    public var nextStep: String?

    public init(occurredAt: Date, method: Method, direction: Direction, outcome: String, summary: String? = nil, nextStep: String? = nil) {
        self.occurredAt = occurredAt
        self.method = method
        self.direction = direction
        self.outcome = outcome
        self.summary = summary
        self.nextStep = nextStep
    }
}

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
