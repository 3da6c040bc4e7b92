/// What happened to one row of an imported file.
public enum ImportOutcome: String, Sendable, CaseIterable {
    /// Matched with confidence and the change recorded.
    case updated
    /// Matched with confidence; the record already said this.
    case unchanged
    /// Nobody plausible on record: a new young person.
    case created
    /// Left for a person to decide, in the exception queue.
    case excepted
}
