/// The order a queue is listed in. With no column it is record order (the
/// oldest record first), which the indexes serve without sorting.
public struct QueueOrder: Sendable, Equatable {
    /// The columns a tracking officer sorts by; the raw values are the `sort` query values.
    public enum Column: String, CaseIterable, Sendable {
        /// Family name, then given name, ignoring case.
        case name
        case dateOfBirth = "date-of-birth"
        /// Longest since contact first when ascending: nobody-contacted-yet come before the oldest contact.
        case lastContact = "last-contact"
        /// The current address's ward, ignoring case; people with no ward last.
        case ward
        /// The current address's postcode, so people in one sector ("LS6 2") and street come together for door-knocking.
        case postcode
    }

    public var column: Column?
    public var descending: Bool

    public init(_ column: Column? = nil, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// Record order.
    public static let record = QueueOrder()
}
