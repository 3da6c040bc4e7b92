/// What can be done to a referral. Each carries what the lifecycle needs to
/// accept it (a reason, an outcome); validation of the words is the caller's
/// (``ReferralReason``), so a value here is already well formed.
public enum ReferralAction: Hashable, Sendable {
    case send
    /// The receiver says they have it: the sender's "has anyone seen it?" ends.
    case acknowledge
    case accept
    case decline(DeclineReason, ReferralReason?)
    /// The receiver starts work with the young person.
    case start
    case recordOutcome(ReferralOutcome, ReferralReason)
    case close
    case withdraw(ReferralReason)
    case handBack(ReferralReason)
    case reopen(ReferralReason)

    /// The action's name without its payload, for audit details, refusals and tests.
    public var kind: ReferralActionKind {
        switch self {
        case .send: .send
        case .acknowledge: .acknowledge
        case .accept: .accept
        case .decline: .decline
        case .start: .start
        case .recordOutcome: .recordOutcome
        case .close: .close
        case .withdraw: .withdraw
        case .handBack: .handBack
        case .reopen: .reopen
        }
    }
}

/// The actions by name.
public enum ReferralActionKind: String, CaseIterable, Sendable {
    case send, acknowledge, accept, decline, start
    case recordOutcome = "record-outcome"
    case close, withdraw
    case handBack = "hand-back"
    case reopen

    /// In a sentence: "You cannot <verb> ...".
    public var verb: String {
        switch self {
        case .send: "send"
        case .acknowledge: "acknowledge"
        case .accept: "accept"
        case .decline: "decline"
        case .start: "start work on"
        case .recordOutcome: "record the outcome of"
        case .close: "close"
        case .withdraw: "withdraw"
        case .handBack: "hand back"
        case .reopen: "reopen"
        }
    }
}
