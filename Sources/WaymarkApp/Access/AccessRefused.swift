/// Why a use case refused a request before reading anything. The pages
/// answer `notPermitted` with 403 and `noSuchRecord` with the same 404 as an
/// unknown id, so ids outside a user's scope cannot be probed.
public enum AccessRefused: Error, Equatable, CustomStringConvertible {
    case notPermitted(String)
    case noSuchRecord

    public var description: String {
        switch self {
        case .notPermitted(let why): why
        case .noSuchRecord: "There is no young person with that id in the records you can see."
        }
    }
}
