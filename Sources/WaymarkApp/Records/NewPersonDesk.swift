public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// A young person as typed into "Add a young person".
public struct NewPersonEntry: Sendable, Equatable {
    public var givenName: String
    public var familyName: String
    public var dateOfBirth: CalendarDate
    public var gender: Gender
    /// Normalised: upper case, one space before the inward code.
    public var postcode: String
    public var upn: String?
    public var uln: String?

    public init(givenName: String, familyName: String, dateOfBirth: CalendarDate, gender: Gender, postcode: String, upn: String?, uln: String?) {
        self.givenName = givenName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.postcode = postcode
        self.upn = upn
        self.uln = uln
    }

    /// What the duplicate check searches for: the name, date of birth and numbers (the postcode would
    /// crowd the list with the neighbours; a move is common, a new birthday is not).
    var searchText: String {
        ([givenName, familyName, String(format: "%02d/%02d/%04d", dateOfBirth.day, dateOfBirth.month, dateOfBirth.year)] + [upn, uln].compactMap { $0 }).joined(separator: " ")
    }
}

/// Adding a young person by hand: first who they might already be, then,
/// once the user has said none of those is them, the new record, marked
/// as entered by hand by that user.
public struct NewPersonDesk: Sendable {
    let store: Store
    let laCode: LocalAuthorityCode
    let search: PersonSearch

    public init(store: Store, laCode: LocalAuthorityCode) {
        self.store = store
        self.laCode = laCode
        search = PersonSearch(store: store)
    }

    /// At most this many possible matches are listed: more means the entry is too vague to add anyone from.
    public static let shownMatches = 10

    /// The records already held that could be this person: exact namesakes,
    /// the same date of birth with a close name, the same UPN or ULN. The
    /// search is the one the search page runs, so it is scoped and audited the same way.
    public func possibleMatches(_ entry: NewPersonEntry, for grant: AccessGrant, at now: Date) async throws -> [PersonSearchResult] {
        try requireMayAdd(grant)
        let outcome = try await search.search(entry.searchText, for: grant, today: .today(from: now), at: now)
        return Array(outcome.results.prefix(Self.shownMatches))
    }

    /// Makes the record, with the postcode as its address from today. An
    /// adviser's new young person is on their caseload, so they can go on to
    /// record the work they met them for. Returns the new id.
    public func create(_ entry: NewPersonEntry, for grant: AccessGrant, at now: Date) async throws -> Int64 {
        try requireMayAdd(grant)
        let today = CalendarDate.today(from: now)
        let la = laCode
        let person = NewYoungPerson(
            identity: YoungPersonIdentity(
                givenName: entry.givenName, familyName: entry.familyName, dateOfBirth: entry.dateOfBirth, gender: entry.gender, ethnicity: .notObtained,
                upn: entry.upn, uln: entry.uln),
            cohortStatus: .primary, responsibleLA: la, educatedLA: la)
        let violations = person.violations()
        guard violations.isEmpty else { throw Refusal.invalid(violations.map(\.message).joined(separator: "; ")) }
        let adviser = grant.role == .personalAdviser ? grant.user.id : nil
        return try await store.change(by: .enteredByHand(grant.user.id), at: now) { tx in
            let id = try await tx.createPerson(person)
            try await tx.addAddress(AddressRecord(lines: [], town: nil, county: nil, postcode: entry.postcode, ward: nil, validFrom: today), for: id)
            if let adviser { try await tx.assignCaseload(of: id, adviserID: adviser, tier: nil, since: today) }
            return id
        }
    }

    private func requireMayAdd(_ grant: AccessGrant) throws {
        try grant.require(.addPeople)
        guard case .authority = grant.scope else { throw Refusal.forbidden("Only the local authority's staff add young people.") }
    }
}
