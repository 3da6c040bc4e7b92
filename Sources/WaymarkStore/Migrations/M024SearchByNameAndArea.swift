import SQLKit

/// Indexes for search that reads no more than a page needs:
///
/// - the family and given name in lower case, with the id, so a one-word name
///   finds its exact namesakes in id order and counts them from the index
///   (a common surname no longer pulls hundreds of sound-alike candidates);
/// - each postcode's outward code ("NM1") and sector ("NM1 4" as "NM14"),
///   upper case without spaces, so a partial postcode is an equality lookup
///   on either engine, whatever case and spacing the address was stored in.
///
/// The query text must repeat these expressions exactly for the engines to
/// use them (see ``PersonSearchQuery``). M029 replaced the two name indexes
/// with ones of the people search may show.
struct M024SearchByNameAndArea: Migration {
    let version = 24
    let name = "search by exact name and postcode area"

    static let familyLower = "lower(family_name)"
    static let givenLower = "lower(given_name)"
    static let compactPostcode = "replace(upper(postcode), ' ', '')"
    static let outwardCode = "substr(\(compactPostcode), 1, length(\(compactPostcode)) - 3)"
    static let sectorCode = "substr(\(compactPostcode), 1, length(\(compactPostcode)) - 2)"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.raw("CREATE INDEX young_person_family_lower ON young_person (\(unsafeRaw: Self.familyLower), id)").run()
        try await db.raw("CREATE INDEX young_person_given_lower ON young_person (\(unsafeRaw: Self.givenLower), id)").run()
        try await db.raw("CREATE INDEX address_outward_code ON address ((\(unsafeRaw: Self.outwardCode)))").run()
        try await db.raw("CREATE INDEX address_sector_code ON address ((\(unsafeRaw: Self.sectorCode)))").run()
    }
}
