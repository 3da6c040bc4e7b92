/// The referral state machine: which side may take which action from which
/// state, and where it leads. Pure, so every transition and every refusal is
/// tested without a database; the use case asks it before it writes.
///
/// | action         | side              | from                                   | to                |
/// |----------------|-------------------|----------------------------------------|-------------------|
/// | send           | sender            | draft                                  | sent              |
/// | acknowledge    | receiver          | sent                                   | received          |
/// | accept         | receiver          | received                               | accepted          |
/// | decline        | receiver          | received                               | declined          |
/// | start          | receiver          | accepted                               | active            |
/// | record outcome | receiver          | active                                 | outcome recorded  |
/// | close          | sender, receiver  | outcome recorded                       | closed            |
/// | withdraw       | sender            | draft, sent, received, accepted, active| withdrawn         |
/// | hand back      | receiver          | accepted, active                       | handed back       |
/// | reopen         | sender, receiver  | closed                                 | active            |
public enum ReferralLifecycle {
    public struct Rule: Sendable {
        public let sides: Set<ReferralSide>
        public let from: Set<ReferralState>
        public let to: ReferralState
    }

    public static func rule(for action: ReferralActionKind) -> Rule {
        switch action {
        case .send: Rule(sides: [.sender], from: [.draft], to: .sent)
        case .acknowledge: Rule(sides: [.receiver], from: [.sent], to: .received)
        case .accept: Rule(sides: [.receiver], from: [.received], to: .accepted)
        case .decline: Rule(sides: [.receiver], from: [.received], to: .declined)
        case .start: Rule(sides: [.receiver], from: [.accepted], to: .active)
        case .recordOutcome: Rule(sides: [.receiver], from: [.active], to: .outcomeRecorded)
        case .close: Rule(sides: [.sender, .receiver], from: [.outcomeRecorded], to: .closed)
        case .withdraw: Rule(sides: [.sender], from: [.draft, .sent, .received, .accepted, .active], to: .withdrawn)
        case .handBack: Rule(sides: [.receiver], from: [.accepted, .active], to: .handedBack)
        case .reopen: Rule(sides: [.sender, .receiver], from: [.closed], to: .active)
        }
    }

    /// The state `action` by `side` leads to from `state`, or why not. The
    /// side is checked first: someone who may never do it is told so, not
    /// that the moment is wrong.
    public static func apply(_ action: ReferralAction, to state: ReferralState, by side: ReferralSide) -> Result<ReferralState, ReferralRefusal> {
        let rule = rule(for: action.kind)
        guard rule.sides.contains(side) else { return .failure(.wrongSide(action.kind, side: side)) }
        guard rule.from.contains(state) else { return .failure(.wrongState(action.kind, state: state)) }
        if case .decline(.other, nil) = action { return .failure(.declineNeedsWords) }
        return .success(rule.to)
    }

    /// The actions `side` may take from `state`, in the order a page offers them.
    public static func available(to side: ReferralSide, in state: ReferralState) -> [ReferralActionKind] {
        ReferralActionKind.allCases.filter { kind in
            let rule = rule(for: kind)
            return rule.sides.contains(side) && rule.from.contains(state)
        }
    }
}

/// Why the lifecycle refused an action, in words for the person who tried.
public enum ReferralRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    case wrongSide(ReferralActionKind, side: ReferralSide)
    case wrongState(ReferralActionKind, state: ReferralState)
    case declineNeedsWords

    public var description: String {
        switch self {
        case .wrongSide(let action, let side):
            "Only \(ReferralLifecycle.rule(for: action).sides.sorted { $0.rawValue > $1.rawValue }.map(\.label).joined(separator: " or ")) can \(action.verb) this referral, and you are \(side.label)."
        case .wrongState(let action, let state):
            "This referral is \(state.label.lowercased()): it cannot be \(action == .start ? "started" : action.pastTense) now."
        case .declineNeedsWords: "Say why the referral is declined: the reason \"Other\" needs words."
        }
    }
}

extension ReferralActionKind {
    var pastTense: String {
        switch self {
        case .send: "sent"
        case .acknowledge: "acknowledged"
        case .accept: "accepted"
        case .decline: "declined"
        case .start: "started"
        case .recordOutcome: "given an outcome"
        case .close: "closed"
        case .withdraw: "withdrawn"
        case .handBack: "handed back"
        case .reopen: "reopened"
        }
    }
}
