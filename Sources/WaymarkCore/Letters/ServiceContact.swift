import Foundation

/// How a young person reaches the careers service by phone and by post:
/// printed on every letter beside the code. Each authority sets its own
/// (`WAYMARK_SERVICE_PHONE`, `WAYMARK_RETURN_ADDRESS`); the demo's are
/// invented, with a telephone number from Ofcom's range kept for drama.
public struct ServiceContact: Sendable, Equatable {
    public let phone: String
    /// The return address, one line each, postcode last.
    public let returnAddress: [String]

    public init(phone: String, returnAddress: [String]) {
        self.phone = phone
        self.returnAddress = returnAddress
    }

    public static let demo = ServiceContact(
        phone: "0113 496 0000",
        returnAddress: ["Careers and Participation Team", "Northmere Civic Centre", "1 Market Street", "Northmere", "NM1 1AA"])

    /// Lines given as one text separated by "|" or new lines (how an environment variable carries them).
    public static func addressLines(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "|" || $0.isNewline }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
