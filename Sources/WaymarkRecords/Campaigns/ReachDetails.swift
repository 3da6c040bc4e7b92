/// Where a young person can be reached, as now recorded.
public struct ReachDetails: Sendable, Equatable {
    public var mobile: String?
    public var landline: String?
    public var email: String?
    /// Address lines without the postcode, for letters and visits.
    public var addressLines: [String] = []
    public var postcode: String?
    public var ward: String?

    public init() {}
}
