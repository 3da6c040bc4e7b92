public import WaymarkCore
import WaymarkMatching
public import WaymarkRecords
public import WaymarkStore

/// One row of search results: enough to tell two people apart.
public struct PersonSearchResult: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let dateOfBirth: String?
    public let postcode: String?
    public let ward: String?
    public let school: String?
    public let activity: ActivityCode?
    /// The personal adviser's name.
    public let adviser: String?
    /// 0 to 1; results are ordered by it.
    public let score: Double
    /// How the person matched: "name", "nickname", "former postcode"…
    public let reasons: [String]
}

/// What a search found: one page of results, best first.
public struct PersonSearchOutcome: Sendable {
    public let request: SearchRequest
    /// The page's results.
    public let results: [PersonSearchResult]
    /// Everyone found, on every page.
    public let total: Int
    /// The page shown (brought within the pages there are) and its size.
    public let page: Int
    public let pageSize: Int
    /// So many people have exactly the one name typed that only they are
    /// listed: similar spellings would never be reached by paging.
    public let exactNameOnly: Bool
    /// False when the searcher may not see addresses: results carry no postcode.
    public var showsPostcode = true
    /// False when the searcher sees only the category of the current activity.
    public var showsActivityCode = true

    /// True when more people fit than were counted: `total` is then the
    /// cap, and only that many are paged through.
    public var totalIsCapped = false

    public var paging: Paging { Paging(total: total, size: pageSize) }

    /// So many people fit that the search should be narrowed.
    public var isBroad: Bool { total > 100 }
}

/// Finds young people by name (with typos, nicknames, hyphenated and former
/// names), date of birth, postcode or part of one, UPN or ULN, or a mix,
/// among the records the user's organisation may see. Candidates come from
/// indexed lookups (a few hundred at most); ranking happens here.
public struct PersonSearch: Sendable {
    let query: PersonSearchQuery
    let store: Store
    public var pageSize = 25

    /// Bounds on each lookup, so a common name costs the same as a rare one.
    static let pairLimit = 600, nearLimit = 400, singleNameLimit = 200, otherLimit = 500

    /// A one-word name with at least this many exact namesakes lists only
    /// them: four pages of Smiths come before any Smyth.
    public var commonName = 100

    /// Exact namesakes and people in an area are counted up to this many;
    /// a searcher with more to page through narrows the search instead.
    public var countCap = 1_000

    public init(store: Store) {
        query = PersonSearchQuery(store: store)
        self.store = store
    }

    public func search(_ text: String, in scope: RecordScope, today: CalendarDate, page: Int = 1) async throws -> PersonSearchOutcome {
        let request = try SearchQueryParser.parse(text, today: today)
        return try await search(request, in: scope, today: today, page: page)
    }

    public func search(_ request: SearchRequest, in scope: RecordScope, today: CalendarDate, page: Int = 1) async throws -> PersonSearchOutcome {
        if request.isAreaOnly, let area = request.area { return try await searchArea(area, request, in: scope, today: today, page: page) }
        if let token = request.singleNameToken {
            let exact = try await query.countExactName(token, in: scope, upTo: countCap + 1)
            if exact >= commonName { return try await searchCommonName(token, count: exact, request, in: scope, today: today, page: page) }
        }
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
            if let token = request.singleNameToken {
                // Fewer exact namesakes than `commonName`: all of them, then the sound-alikes.
                pool.add(try await query.byExactName(token, in: scope, limit: commonName))
            }
            try await addSingleName(request.nameTokens, to: &pool, scope: scope)
        }
        if let area = request.area, request.dateOfBirth == nil, request.postcode == nil {
            // "smith NM1": the Smiths of a common name may not all be among the name's candidates; those in the area are.
            pool.add(try await query.byPostcodeArea(area, in: scope, limit: Self.otherLimit))
        }
        var ranked = try await rank(pool, &ranking)
        if request.nameWords.count >= 2 && ranked.count < 3 {
            // The typed words may be one double-barrelled name, or the given name may be far off: try family names alone.
            try await addSingleName(request.nameTokens, to: &pool, scope: scope)
            ranked = try await rank(pool, &ranking)
        }
        let paging = Paging(total: ranked.count, size: pageSize)
        let page = paging.clamped(page)
        let shown = Array(ranked.dropFirst((page - 1) * pageSize).prefix(pageSize))
        return PersonSearchOutcome(
            request: request, results: try await describe(shown, today: today), total: ranked.count, page: page, pageSize: pageSize,
            exactNameOnly: false)
    }

    /// Everyone with exactly this name, a page at a time in id order; all fit equally well.
    private func searchCommonName(
        _ token: String, count: Int, _ request: SearchRequest, in scope: RecordScope, today: CalendarDate, page: Int
    ) async throws -> PersonSearchOutcome {
        let total = min(count, countCap)
        let page = Paging(total: total, size: pageSize).clamped(page)
        let offset = (page - 1) * pageSize
        let found = try await query.byExactName(token, in: scope, limit: max(0, min(pageSize, total - offset)), offset: offset)
        var ranking = SearchRanking(request: request)
        var pool = CandidatePool()
        pool.add(found)
        let ranked = try await rank(pool, &ranking)
        var outcome = PersonSearchOutcome(
            request: request, results: try await describe(ranked, today: today), total: total, page: page, pageSize: pageSize, exactNameOnly: true)
        outcome.totalIsCapped = count > countCap
        return outcome
    }

    /// The people whose current address is in a postcode area, a page at a time in id order.
    private func searchArea(
        _ area: PostcodeArea, _ request: SearchRequest, in scope: RecordScope, today: CalendarDate, page: Int
    ) async throws -> PersonSearchOutcome {
        let count = try await query.countPostcodeArea(area, in: scope, upTo: countCap + 1)
        let total = min(count, countCap)
        let page = Paging(total: total, size: pageSize).clamped(page)
        let offset = (page - 1) * pageSize
        let found = try await query.byPostcodeArea(area, in: scope, limit: max(0, min(pageSize, total - offset)), offset: offset)
        let shown = found.map { ($0, CandidateScore(total: 1, name: nil, reasons: ["postcode area"])) }
        var outcome = PersonSearchOutcome(
            request: request, results: try await describe(shown, today: today), total: total, page: page, pageSize: pageSize, exactNameOnly: false)
        outcome.totalIsCapped = count > countCap
        return outcome
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
        let needsPostcodes = ranking.request.postcode != nil || ranking.request.postcodeArea != nil
        let postcodes = needsPostcodes ? try await query.postcodes(of: ids) : [:]
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
        let summary = try await query.summaries(of: shown.map(\.0.id), on: today.iso)
        return shown.map { candidate, score in
            PersonSearchResult(
                id: candidate.id,
                name: [candidate.givenName, candidate.middleNames, candidate.familyName].compactMap { $0 }.joined(separator: " "),
                dateOfBirth: candidate.dateOfBirth, postcode: summary[candidate.id]?.postcode, ward: summary[candidate.id]?.ward,
                school: summary[candidate.id]?.school, activity: summary[candidate.id]?.activityCode.flatMap(ActivityCode.init(rawValue:)),
                adviser: summary[candidate.id]?.adviser, score: score.total, reasons: score.reasons)
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
