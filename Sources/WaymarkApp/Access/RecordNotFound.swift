/// The record is unknown or outside the grant's scope; the two are never
/// told apart, so ids cannot be probed. Pages answer it with a 404.
public struct RecordNotFound: Error, Equatable, CustomStringConvertible {
    public init() {}

    public var description: String { "There is no young person with that id in the records you can see." }
}
