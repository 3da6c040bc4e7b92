public import Foundation

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
