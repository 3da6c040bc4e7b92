import WaymarkCore
import WaymarkMatching
import WaymarkStore

/// One row of search results: enough to tell two people apart.
public struct PersonSearchResult: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let dateOfBirth: String?
    public let postcode: String?
    public let school: String?
    public let activity: ActivityCode?
    /// 0 to 1; results are ordered by it.
    public let score: Double
    /// How the person matched: "name", "nickname", "former postcode"…
    public let reasons: [String]
}

/// What a search found.
public struct PersonSearchOutcome: Sendable {
    public let request: SearchRequest
    public let results: [PersonSearchResult]
    /// More people fitted than are shown; the page suggests adding a date of birth or postcode.
    public let moreThanShown: Bool
    /// False when the searcher may not see addresses: results carry no postcode.
    public var showsPostcode = true
    /// False when the searcher sees only the category of the current activity.
    public var showsActivityCode = true
}

/// Finds young people by name (with typos, nicknames, hyphenated and former
/// names), date of birth, postcode, UPN or ULN, or a mix, among the records
/// the user's organisation may see. Candidates come from indexed lookups
/// (a few hundred at most); ranking happens here.
public struct PersonSearch: Sendable {
    let query: PersonSearchQuery
    let store: Store
    public var resultLimit = 50

    /// Bounds on each lookup, so a common name costs the same as a rare one.
    static let pairLimit = 600, nearLimit = 400, singleNameLimit = 500, otherLimit = 500

    public init(store: Store) {
        query = PersonSearchQuery(store: store)
        self.store = store
    }

    public func search(_ text: String, in scope: RecordScope, today: CalendarDate) async throws -> PersonSearchOutcome {
        let request = try SearchQueryParser.parse(text, today: today)
        return try await search(request, in: scope, today: today)
    }

    public func search(_ request: SearchRequest, in scope: RecordScope, today: CalendarDate) async throws -> PersonSearchOutcome {
        var ranking = SearchRanking(request: request)
        var pool = CandidatePool()
        if request.upn != nil || request.uln != nil {
            pool.add(try await query.byIdentifier(upn: request.upn, uln: request.uln, in: scope, limit: 5))
        }
        if let date = request.dateOfBirth { pool.add(try await query.byDatesOfBirth([date.iso], in: scope, limit: Self.otherLimit)) }
        if let postcode = request.postcode {
            let spellings = [postcode, SearchRanking.compact(postcode)]
            pool.add(try await query.byPostcodes(spellings, in: scope, limit: Self.otherLimit))
        }
        let onlyNames = request.dateOfBirth == nil && request.postcode == nil && request.upn == nil && request.uln == nil
        if request.nameWords.count >= 2 {
            // Names as typed first, so a common name cannot crowd its own spelling out of the limit; then near spellings.
            let tokens = request.nameTokens
            let family = Set(tokens.flatMap { NameKeys.familyCodes($0, tolerant: false) })
            let given = Set(tokens.flatMap { NameKeys.givenCodes($0, tolerant: false) })
            pool.add(try await query.byNameKeys(family: family, given: given, in: scope, limit: Self.pairLimit))
            pool.add(try await query.byNameKeys(
                family: Set(tokens.flatMap { NameKeys.familyCodes($0, tolerant: true) }),
                given: Set(tokens.flatMap { NameKeys.givenCodes($0, tolerant: true) }), excluding: (family, given), in: scope,
                limit: Self.nearLimit))
        } else if request.nameWords.count == 1 && onlyNames {
            try await addSingleName(request.nameTokens, to: &pool, scope: scope)
        }
        var ranked = try await rank(pool, &ranking)
        if request.nameWords.count >= 2 && ranked.count < 3 {
            // The typed words may be one double-barrelled name, or the given name may be far off: try family names alone.
            try await addSingleName(request.nameTokens, to: &pool, scope: scope)
            ranked = try await rank(pool, &ranking)
        }
        let shown = Array(ranked.prefix(resultLimit))
        return PersonSearchOutcome(
            request: request, results: try await describe(shown, today: today), moreThanShown: ranked.count > shown.count)
    }

    private func addSingleName(_ tokens: [String], to pool: inout CandidatePool, scope: RecordScope) async throws {
        let family = Set(tokens.flatMap { NameKeys.familyCodes($0, tolerant: false) })
        let given = Set(tokens.flatMap { NameKeys.givenCodes($0, tolerant: false) })
        pool.add(try await query.byFamilyKeys(family, in: scope, limit: Self.singleNameLimit))
        pool.add(try await query.byGivenKeys(given, in: scope, limit: Self.singleNameLimit / 2))
    }

    private func rank(_ pool: CandidatePool, _ ranking: inout SearchRanking) async throws -> [(SearchCandidate, CandidateScore)] {
        let ids = pool.order
        let aliases = ranking.request.nameWords.isEmpty ? [:] : try await query.aliases(of: ids.filter { pool.byID[$0]?.hasAliases == true })
        let postcodes = ranking.request.postcode == nil ? [:] : try await query.postcodes(of: ids)
        var scored: [(SearchCandidate, CandidateScore)] = []
        for id in ids {
            guard let candidate = pool.byID[id],
                let score = ranking.score(candidate, aliases: aliases[id] ?? [], postcodes: postcodes[id] ?? [])
            else { continue }
            scored.append((candidate, score))
        }
        scored.sort { a, b in
            if a.1.total != b.1.total { return a.1.total > b.1.total }
            if (a.1.name ?? 0) != (b.1.name ?? 0) { return (a.1.name ?? 0) > (b.1.name ?? 0) }
            return a.0.id < b.0.id
        }
        return scored
    }

    private func describe(_ shown: [(SearchCandidate, CandidateScore)], today: CalendarDate) async throws -> [PersonSearchResult] {
        let ids = shown.map(\.0.id)
        async let summaries = query.summaries(of: ids, on: today.iso)
        async let postcodes = query.postcodes(of: ids)
        let (summary, postcode) = try await (summaries, postcodes)
        return shown.map { candidate, score in
            PersonSearchResult(
                id: candidate.id,
                name: [candidate.givenName, candidate.middleNames, candidate.familyName].compactMap { $0 }.joined(separator: " "),
                dateOfBirth: candidate.dateOfBirth, postcode: postcode[candidate.id]?.first?.postcode,
                school: summary[candidate.id]?.school, activity: summary[candidate.id]?.activityCode.flatMap(ActivityCode.init(rawValue:)),
                score: score.total, reasons: score.reasons)
        }
    }
}

/// Candidates from every lookup, each once, in the order first found.
struct CandidatePool {
    var byID: [Int64: SearchCandidate] = [:]
    var order: [Int64] = []

    mutating func add(_ candidates: [SearchCandidate]) {
        for candidate in candidates where byID.updateValue(candidate, forKey: candidate.id) == nil { order.append(candidate.id) }
    }
}
