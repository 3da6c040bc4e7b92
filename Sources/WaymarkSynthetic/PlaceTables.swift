/// The fictional authority's places: wards with postcode districts, streets,
/// and real neighbouring authorities for those educated out of area.
enum PlaceTables {
    struct Ward: Sendable, Equatable {
        let name: String
        let town: String
        let district: String
        /// 1 most deprived … 5 least: NEET is commoner in deprived wards.
        let deprivation: Int
    }

    static let county = "Northmereshire"

    static let wards: [Ward] = [
        Ward(name: "Castle", town: "Northmere", district: "NM1", deprivation: 2),
        Ward(name: "Abbey Fields", town: "Northmere", district: "NM1", deprivation: 3),
        Ward(name: "Riverside", town: "Northmere", district: "NM2", deprivation: 1),
        Ward(name: "St Aidan's", town: "Northmere", district: "NM2", deprivation: 2),
        Ward(name: "Harbour", town: "Northmere", district: "NM3", deprivation: 1),
        Ward(name: "Moorside", town: "Northmere", district: "NM3", deprivation: 4),
        Ward(name: "Kelstow North", town: "Kelstow", district: "NM4", deprivation: 3),
        Ward(name: "Kelstow South", town: "Kelstow", district: "NM4", deprivation: 2),
        Ward(name: "Ashby Fold", town: "Ashby Fold", district: "NM5", deprivation: 4),
        Ward(name: "Wetherby Marsh", town: "Wetherby Marsh", district: "NM6", deprivation: 5),
        Ward(name: "Fenwick", town: "Fenwick", district: "NM7", deprivation: 4),
        Ward(name: "High Crag", town: "Fenwick", district: "NM7", deprivation: 5),
        Ward(name: "Saltcote", town: "Saltcote", district: "NM8", deprivation: 2),
        Ward(name: "Brackenridge", town: "Saltcote", district: "NM9", deprivation: 3),
        Ward(name: "Millbrook", town: "Northmere", district: "NM10", deprivation: 1),
        Ward(name: "Greystones", town: "Kelstow", district: "NM11", deprivation: 5),
    ]

    static let streets = [
        "Church Lane", "Station Road", "Mill Street", "Oakfield Avenue", "Jubilee Close", "High Street", "Victoria Road", "Park View",
        "Queen Street", "Albert Terrace", "Meadow Way", "Orchard Grove", "Chapel Row", "Moor Lane", "Beech Drive", "Willow Crescent",
        "Harbour Walk", "Castle Street", "Abbey Road", "Fenwick Court", "School Lane", "Market Place", "Brook Street", "Heather Close",
        "Ropewalk", "Tannery Lane", "Saltcote Road", "Kingsway", "Cedar Court", "Foundry Street",
    ]

    /// The sectors (the inward code's digit) of a ward's postcodes: wards that
    /// share a district take turns, so that each postcode lies in one ward, as
    /// the postcode directory has it.
    static func sectors(of ward: Ward) -> [Int] {
        let sharing = wards.filter { $0.district == ward.district }
        let turn = sharing.firstIndex(of: ward) ?? 0
        return (0...9).filter { $0 % sharing.count == turn }
    }

    /// A postcode in the ward, from the same three draws whatever the ward.
    static func postcode(in ward: Ward, random: inout SeededGenerator) -> String {
        let sectors = sectors(of: ward)
        let sector = sectors[random.int(0...9) % sectors.count]
        return "\(ward.district) \(sector)\(random.pick(inwardLetters))\(random.pick(inwardLetters))"
    }

    /// The ward a generated postcode lies in (its district and sector).
    static func ward(ofPostcode postcode: String) -> Ward? {
        let parts = postcode.split(separator: " ")
        guard parts.count == 2, let sector = parts[1].first?.wholeNumberValue else { return nil }
        return wards.first { $0.district == parts[0] && sectors(of: $0).contains(sector) }
    }

    /// Letters that may end a UK postcode's inward code.
    static let inwardLetters = Array("ABDEFGHJLNPQRSTUWXYZ")

    /// Real neighbouring authorities (codes from the national list).
    static let neighbours: [(code: String, name: String)] = [("886", "Kent"), ("887", "Medway"), ("845", "East Sussex"), ("938", "West Sussex")]
}
