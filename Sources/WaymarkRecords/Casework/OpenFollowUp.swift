/// An open follow-up, for the adviser's list of things due.
public struct OpenFollowUp: Sendable, Equatable {
    public let id: Int64
    public let personID: Int64
    public let dueOn: String
    public let description: String

    public init(id: Int64, personID: Int64, dueOn: String, description: String) {
        self.id = id
        self.personID = personID
        self.dueOn = dueOn
        self.description = description
    }
}
