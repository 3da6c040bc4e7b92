import WaymarkCore
import WaymarkMatching
import WaymarkStore

/// How well one candidate fits a request, from 0 to 1, and why.
struct CandidateScore: Sendable {
    var total: Double
    var name: Double?
    var reasons: [String]
}

/// Scores candidates against a request. Names are compared part by part
/// (each typed part takes the stored part it fits best, each stored part used
/// once) with Jaro–Winkler, lifted for nicknames and shared sound codes;
/// dates of birth, postcodes and identifiers add their own evidence.
struct SearchRanking: Sendable {
    let request: SearchRequest
    private let tokens: [[UInt8]]
    private let tokenCodes: [String]
    private let postcode: String?
    private let area: PostcodeArea?

    /// A typed name must fit at least this well for the person to be shown at all.
    static let nameThreshold = 0.72

    /// A differently spelt name part is close when it has nearly the same
    /// letters (Smyth/Smith 0.89, Jon/John 0.93), or the same sound code and
    /// is still fairly alike (Catherine/Kathryn 0.76): only then is it lifted
    /// for its sound, and only then does one typed word find anyone. Sound
    /// codes alone are too coarse: "zzzzqqq" shares Z200 with Zac.
    static let closeSpelling = 0.85, closeSounding = 0.7

    /// Names repeat (a search for Smith meets hundreds of Smiths): each
    /// distinct name is normalised and coded once per search.
    private var normalised: [String: [(text: [UInt8], string: String)]] = [:]
    private var codes: [String: String] = [:]

    init(request: SearchRequest) {
        self.request = request
        tokens = request.nameTokens.map { Array($0.utf8) }
        tokenCodes = request.nameTokens.map(PhoneticCode.of)
        postcode = request.postcode.map(Self.compact)
        area = request.area
    }

    enum PartKind { case given, middle, preferred, family, formerGiven, formerFamily }

    struct Part {
        let text: [UInt8]
        let string: String
        let kind: PartKind
    }

    /// nil when the candidate should not be shown.
    mutating func score(_ candidate: SearchCandidate, aliases: [SearchAlias], postcodes: [SearchPostcode]) -> CandidateScore? {
        var weighted = 0.0, weights = 0.0
        var reasons: [String] = []
        var strong = false
        var nameScore: Double?
        if !tokens.isEmpty {
            let (score, why) = nameFit(parts(of: candidate, aliases: aliases))
            guard score >= Self.nameThreshold || identifierMatches(candidate) else { return nil }
            nameScore = score
            weighted += score
            weights += 1
            reasons += why
            strong = strong || score >= 0.85
        }
        if let wanted = request.dateOfBirth {
            let (score, why) = Self.dateFit(wanted, candidate.dateOfBirth)
            weighted += score
            weights += 1
            if let why { reasons.append(why) }
            strong = strong || score == 1
        }
        if let postcode {
            let match = postcodes.first { Self.compact($0.postcode) == postcode }
            let score = match.map { $0.isCurrent ? 1 : 0.85 } ?? 0
            weighted += score * 0.6
            weights += 0.6
            if let match { reasons.append(match.isCurrent ? "postcode" : "former postcode") }
            strong = strong || score > 0
        }
        if let area {
            let match = postcodes.first { area.contains($0.postcode) && $0.isCurrent }
            weighted += match == nil ? 0 : 0.6
            weights += 0.6
            if match != nil { reasons.append("postcode area") }
            strong = strong || match != nil
        }
        if request.upn != nil || request.uln != nil {
            let matched = identifierMatches(candidate)
            weighted += matched ? 2 : 0
            weights += 2
            if matched { reasons.append(request.upn != nil ? "UPN" : "ULN") }
            strong = strong || matched
        }
        guard strong, weights > 0 else { return nil }
        return CandidateScore(total: weighted / weights, name: nameScore, reasons: reasons)
    }

    private func identifierMatches(_ candidate: SearchCandidate) -> Bool {
        if let upn = request.upn, candidate.upn?.uppercased() == upn { return true }
        if let uln = request.uln, candidate.uln == uln { return true }
        return false
    }

    private mutating func parts(of candidate: SearchCandidate, aliases: [SearchAlias]) -> [Part] {
        var parts: [Part] = []
        func add(_ name: String?, _ kind: PartKind) {
            guard let name else { return }
            let tokens: [(text: [UInt8], string: String)]
            if let known = normalised[name] {
                tokens = known
            } else {
                tokens = NameNormaliser.tokens(name).map { (Array($0.utf8), $0) }
                normalised[name] = tokens
            }
            for token in tokens { parts.append(Part(text: token.text, string: token.string, kind: kind)) }
        }
        add(candidate.givenName, .given)
        add(candidate.familyName, .family)
        add(candidate.preferredName, .preferred)
        add(candidate.middleNames, .middle)
        for alias in aliases {
            add(alias.givenName, .formerGiven)
            add(alias.familyName, .formerFamily)
        }
        return parts
    }

    /// The mean fit of the typed parts, and the words saying how they fitted.
    private mutating func nameFit(_ parts: [Part]) -> (Double, [String]) {
        var pairs: [(score: Double, token: Int, part: Int, how: String)] = []
        pairs.reserveCapacity(tokens.count * parts.count)
        for (t, token) in tokens.enumerated() {
            for (p, part) in parts.enumerated() {
                let (score, how) = similarity(t, token, part)
                if score > 0.5 { pairs.append((score, t, p, how)) }
            }
        }
        pairs.sort { $0.score != $1.score ? $0.score > $1.score : $0.part < $1.part }
        var tokenUsed = [Bool](repeating: false, count: tokens.count), partUsed = [Bool](repeating: false, count: parts.count)
        var total = 0.0
        var familyMatched = false
        var hows = Set<String>()
        for pair in pairs where !tokenUsed[pair.token] && !partUsed[pair.part] {
            tokenUsed[pair.token] = true
            partUsed[pair.part] = true
            total += pair.score
            hows.insert(pair.how)
            let kind = parts[pair.part].kind
            if (kind == .family || kind == .formerFamily) && pair.score >= 0.8 { familyMatched = true }
        }
        var score = total / Double(tokens.count)
        // Two names typed and neither is the family name: likely someone else.
        if tokens.count >= 2 && !familyMatched { score *= 0.9 }
        // "name" says nothing more once a part matched in a looser way.
        if hows.count > 1 { hows.remove("name") }
        return (score, ["name", "nickname", "similar name", "former name"].filter(hows.contains))
    }

    private mutating func similarity(_ t: Int, _ token: [UInt8], _ part: Part) -> (Double, String) {
        let former = part.kind == .formerGiven || part.kind == .formerFamily
        let discount = former ? 0.98 : part.kind == .middle ? 0.97 : 1
        let exactly = former ? "former name" : "name"
        if token == part.text { return (discount, exactly) }
        let givenKind = part.kind != .family && part.kind != .formerFamily
        if givenKind, Nicknames.related(request.nameTokens[t], part.string) { return (0.95 * discount, "nickname") }
        var score = JaroWinkler.similarity(token, part.text)
        if token.count == 1, part.text.first == token.first { score = max(score, 0.85) }  // an initial
        let sameSound = tokenCodes[t] == code(part)
        guard score >= Self.closeSpelling || (sameSound && score >= Self.closeSounding) else {
            // A far spelling is no evidence on its own ("zzzzqqq"); beside other typed parts
            // its own likeness counts, unlifted, so a typo with a date of birth still finds.
            return (tokens.count == 1 ? 0 : score * discount, "similar name")
        }
        if score < 0.9, sameSound { score = 0.9 }
        return (score * discount, former ? "former name" : "similar name")
    }

    private mutating func code(_ part: Part) -> String {
        if let known = codes[part.string] { return known }
        let code = PhoneticCode.of(letters: part.text)
        codes[part.string] = code
        return code
    }

    /// Exact counts fully; a day and month swapped, or one field wrong, counts for part.
    static func dateFit(_ wanted: CalendarDate, _ stored: String?) -> (Double, String?) {
        guard let stored, let date = try? CalendarDate(iso: stored) else { return (0, nil) }
        if date == wanted { return (1, "date of birth") }
        if date.year == wanted.year && date.month == wanted.day && date.day == wanted.month { return (0.7, "date of birth, day and month swapped") }
        let same = [date.year == wanted.year, date.month == wanted.month, date.day == wanted.day].filter { $0 }.count
        return same == 2 ? (0.6, "date of birth nearly matches") : (0, nil)
    }

    static func compact(_ postcode: String) -> String {
        String(postcode.uppercased().filter { !$0.isWhitespace })
    }
}
