public import Foundation

/// What a young person's provisions say about one proposed share.
public enum ConsentOutcome: Hashable, Sendable {
    /// No provision in force covers it.
    case silent
    case permitted(by: ConsentProvision)
    case denied(by: ConsentProvision)
}

/// Evaluates provisions for a proposed share. Only provisions in force on
/// the day (inside their period, not withdrawn) count; of those that cover
/// the share, the most specific wins (``ConsentProvision/specificity``); at
/// equal specificity a deny beats a permit, so a contradiction never lets
/// information out.
public enum ConsentRules {
    public static func evaluate(_ provisions: [ConsentProvision], for share: ProposedShare, on today: CalendarDate, at now: Date) -> ConsentOutcome {
        let applying = provisions.filter { $0.isInForce(on: today, at: now) && $0.covers(share) }
        guard let winner = applying.max(by: { less($0, than: $1) }) else { return .silent }
        return winner.decision == .deny ? .denied(by: winner) : .permitted(by: winner)
    }

    /// Ordering for the winner: specificity, then deny over permit, then the
    /// later recorded (a tie-break only, so the answer never depends on order).
    static func less(_ a: ConsentProvision, than b: ConsentProvision) -> Bool {
        if a.specificity != b.specificity { return a.specificity.lexicographicallyPrecedes(b.specificity) }
        if a.decision != b.decision { return a.decision == .permit }
        if a.recordedAt != b.recordedAt { return a.recordedAt < b.recordedAt }
        return a.id < b.id
    }
}
