/// What was wrong with a queue's assign form, carried back to the queue page
/// (`?assign-problem=`) so it shows as an error summary there, not a bare 422.
enum QueueAssignProblem: String, Sendable {
    case nobody, tooMany = "too-many", adviser

    /// The message, and the field it links to.
    func message(shown: Int) -> (field: String, text: String) {
        switch self {
        case .nobody: ("assign-people", "Tick the young people to assign")
        case .tooMany: ("assign-people", "Tick at most \(shown) young people to assign at once")
        case .adviser: ("assign-adviser", "Choose the adviser to assign them to")
        }
    }
}
