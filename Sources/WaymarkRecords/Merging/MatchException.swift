/// What the exception queue holds: suspected duplicates already in the
/// database, and (from imports) rows the matcher was not sure of.
public enum MatchExceptionKind: String, Sendable {
    case duplicate
    case importRow = "import-row"
}

public enum MatchExceptionStatus: String, Sendable {
    case open, merged, linked, created, rejected
}

public struct NewMatchException: Sendable, Equatable {
    public var kind: MatchExceptionKind
    public var personID: Int64?
    public var otherPersonID: Int64?
    /// The incoming row, for import exceptions (its fields as JSON).
    public var incoming: String?
    public var probability: Double
    /// The engine's explanation: one JSON object per line (see `MatchExplanation.jsonLines`).
    public var explanation: String

    public init(kind: MatchExceptionKind, personID: Int64?, otherPersonID: Int64?, incoming: String?, probability: Double,
        explanation: String) {
        self.kind = kind
        self.personID = personID
        self.otherPersonID = otherPersonID
        self.incoming = incoming
        self.probability = probability
        self.explanation = explanation
    }
}

public struct StoredMatchException: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let kind: MatchExceptionKind
    public let personID: Int64?
    public let otherPersonID: Int64?
    public let incoming: String?
    public let probability: Double
    public let explanation: String
    public let status: MatchExceptionStatus
    public let resolution: String?

    public init(id: Int64, kind: MatchExceptionKind, personID: Int64?, otherPersonID: Int64?, incoming: String?, probability: Double,
        explanation: String, status: MatchExceptionStatus, resolution: String?) {
        self.id = id
        self.kind = kind
        self.personID = personID
        self.otherPersonID = otherPersonID
        self.incoming = incoming
        self.probability = probability
        self.explanation = explanation
        self.status = status
        self.resolution = resolution
    }
}
