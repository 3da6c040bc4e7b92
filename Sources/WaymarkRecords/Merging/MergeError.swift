/// Why a merge or its undo was refused.
public enum MergeError: Error, Equatable, CustomStringConvertible {
    case samePerson
    case notFound(Int64)
    case alreadyMerged(Int64)
    case notMerge(Int64)
    case alreadyUndone(Int64)

    public var description: String {
        switch self {
        case .samePerson: "A young person cannot be merged with themselves."
        case .notFound(let id): "There is no young person \(id)."
        case .alreadyMerged(let id): "Young person \(id) has already been merged into another record."
        case .notMerge(let id): "There is no merge \(id)."
        case .alreadyUndone(let id): "Merge \(id) has already been undone."
        }
    }
}
