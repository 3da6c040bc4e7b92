/// Everything an audit row says, in the form its chain hash covers.
struct AuditEventContent: Sendable, Equatable {
    var id: Int64
    var occurredAt: String
    var actorUserID: Int64?
    var actor: String
    var action: String
    var entity: String
    var entityID: Int64?
    var personID: Int64?
    var detail: String?

    /// Each field length-prefixed, absent ones as `~`, so no two different rows
    /// (say, a detail that contains a separator) can read the same.
    var canonical: String {
        let fields: [String?] = [
            String(id), occurredAt, actorUserID.map(String.init), actor, action, entity, entityID.map(String.init),
            personID.map(String.init), detail,
        ]
        return fields.map { field in field.map { "\($0.utf8.count):\($0)" } ?? "~" }.joined(separator: "|")
    }
}
