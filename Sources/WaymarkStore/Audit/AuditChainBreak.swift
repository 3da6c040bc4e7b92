/// The first place the audit chain does not hold, named by event id.
public enum AuditChainBreak: Sendable, Equatable, CustomStringConvertible {
    /// The row's content or hash is not what was chained: it was changed.
    case changed(eventID: Int64)
    /// The row does not link to the event before it (`after`; nil for the first
    /// event): events between them were deleted, or this one was inserted.
    case brokenLink(eventID: Int64, after: Int64?)
    /// The row carries no hash: it was written around Waymark.
    case unchained(eventID: Int64)

    public var eventID: Int64 {
        switch self {
        case .changed(let id), .brokenLink(let id, _), .unchained(let id): id
        }
    }

    public var description: String {
        switch self {
        case .changed(let id):
            "event \(id) was changed after it was written"
        case .brokenLink(let id, let after?):
            "event \(id) does not follow event \(after): events between them were deleted, or event \(id) was inserted"
        case .brokenLink(let id, nil):
            "event \(id) does not start the chain: earlier events were deleted, or event \(id) was inserted"
        case .unchained(let id):
            "event \(id) has no chain hash: it was written around Waymark"
        }
    }
}
