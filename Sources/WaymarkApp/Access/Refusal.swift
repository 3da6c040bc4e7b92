/// A use case that would not do what was asked, in words for the person who
/// asked. Each adapter turns the kind into its own answer (a page's status
/// code, an API's error); the words are the same everywhere.
public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// Unknown, or outside what the grant may see: the two are never told apart.
    case notFound(String)
    /// The role may use the feature, but not on this (a record not on the caseload).
    case forbidden(String)
    /// Already decided, or no longer possible in this state.
    case conflict(String)
    /// What was sent cannot be used; the message names the field.
    case invalid(String)
    /// What was asked for makes no sense (a month that has not ended).
    case badRequest(String)

    public var description: String {
        switch self {
        case .notFound(let message), .forbidden(let message), .conflict(let message), .invalid(let message), .badRequest(let message): message
        }
    }
}
