/// Where a step of an action plan has got to. Done and dropped close a
/// step; a closed step is not reopened (add a new one), so the plan's
/// history reads straight.
public enum StepStatus: String, Sendable, CaseIterable, Codable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case done
    case dropped

    public var label: String {
        switch self {
        case .notStarted: "Not started"
        case .inProgress: "In progress"
        case .done: "Done"
        case .dropped: "Dropped"
        }
    }

    public var isClosed: Bool { self == .done || self == .dropped }

    /// The moves a step may make from here.
    public var next: [StepStatus] {
        switch self {
        case .notStarted: [.inProgress, .done, .dropped]
        case .inProgress: [.done, .dropped]
        case .done, .dropped: []
        }
    }

    public func canMove(to status: StepStatus) -> Bool { next.contains(status) }
}

/// Who does a step: the young person, their adviser, or a partner named in words.
public enum StepOwner: Sendable, Equatable, Codable {
    case youngPerson
    case adviser
    case partner(String)

    /// As stored: the kind, and the partner's name for a partner.
    public var kind: String {
        switch self {
        case .youngPerson: "young-person"
        case .adviser: "adviser"
        case .partner: "partner"
        }
    }

    public var partnerName: String? {
        if case .partner(let name) = self { return name }
        return nil
    }

    public init?(kind: String, partnerName: String?) {
        switch kind {
        case "young-person": self = .youngPerson
        case "adviser": self = .adviser
        case "partner":
            guard let name = partnerName, !name.isEmpty else { return nil }
            self = .partner(name)
        default: return nil
        }
    }

    /// For staff; the young person's page says "You" and "Your adviser" instead.
    public var label: String {
        switch self {
        case .youngPerson: "Young person"
        case .adviser: "Adviser"
        case .partner(let name): name
        }
    }

    public var toYoungPerson: String {
        switch self {
        case .youngPerson: "You"
        case .adviser: "Your adviser"
        case .partner(let name): name
        }
    }
}
