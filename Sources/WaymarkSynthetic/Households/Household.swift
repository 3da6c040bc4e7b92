/// A family at one address: the children share its family name (mostly),
/// address, postcode, phone and often school. Some have moved, and some
/// sources still hold the old address.
struct Household: Sendable {
    struct Place: Sendable {
        let address: String
        let postcode: String
        let phone: String
    }

    struct Child: Sendable {
        let key: Int
        let givenName: String
        let middleNames: String?
        let familyName: String
        /// The name some later sources use after a change (step-parent, double-barrelled, or half dropped).
        let laterFamilyName: String?
        let gender: String
        let dateOfBirth: (year: Int, month: Int, day: Int)
        let upn: String?
        let uln: String?
        let school: String
        let ownPhone: String
        let recordCount: Int
    }

    let key: Int
    let current: Place
    let previous: Place?
    let children: [Child]
}

/// Schools and colleges of the synthetic authority, by ward.
enum HouseholdSchools {
    static let kinds = ["Academy", "High School", "School", "Church of England Academy", "Catholic High School", "Community College"]

    /// Three secondary schools per ward: (name, establishment number).
    static let secondary: [(name: String, number: Int)] = PlaceTables.wards.indices.flatMap { ward in
        (0..<3).map { k in
            let place = k == 0 ? PlaceTables.wards[ward].town : PlaceTables.wards[ward].name
            return ("\(place) \(kinds[(ward + k * 2) % kinds.count])", 4000 + ward * 3 + k)
        }
    }

    static let colleges = ["Northmere College", "Kelstow Sixth Form College", "Saltcote College of Further Education", "Fenwick Technical College"]

    /// How a careless form writes a school's name: "Castle High School" → "Castle High".
    static func shortened(_ name: String) -> String {
        for suffix in [" School", " Academy", " College"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }
}
