/// Who or what is making a change, for provenance and the audit trail.
public struct Actor: Sendable, Equatable {
    /// The signed-in user, when a person made the change.
    public let userID: Int64?
    /// The provenance source written on every fact: "user", "import:<file>#<row>", "self-declared", "demo-generator".
    public let source: String
    /// How the audit trail names the actor: "user:12", "system:demo".
    public let label: String

    public init(userID: Int64?, source: String, label: String) {
        self.userID = userID
        self.source = source
        self.label = label
    }

    public static func user(_ id: Int64) -> Actor {
        Actor(userID: id, source: "user", label: "user:\(id)")
    }

    public static func system(_ name: String) -> Actor {
        Actor(userID: nil, source: name, label: "system:\(name)")
    }
}

extension Actor {
    /// A school's or college's user telling the LA something through the
    /// portal: the facts name the organisation as their source, so the
    /// record says the school said it, not the LA.
    public static func portal(user id: Int64, organisation: Int64) -> Actor {
        Actor(userID: id, source: "portal:organisation=\(organisation)", label: "user:\(id)")
    }
}

extension Actor {
    /// A young person added by hand by a signed-in user, not from a file:
    /// the record says so, and who did it.
    public static func enteredByHand(_ id: Int64) -> Actor {
        Actor(userID: id, source: "entered by hand", label: "user:\(id)")
    }
}
