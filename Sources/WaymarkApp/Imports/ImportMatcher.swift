import Foundation
import WaymarkCore
import WaymarkFormats
import WaymarkMatching
import WaymarkRecords
import WaymarkStore

/// How sure the matcher is about one row.
enum MatchDecision: Equatable {
    /// One person at or above the match threshold, and nobody else close.
    case confident(personID: Int64, probability: Double)
    /// Somebody plausible, but not surely: a person decides.
    case uncertain(personID: Int64, probability: Double, explanation: String)
    /// Nobody plausible on record.
    case none

    var personID: Int64? {
        switch self {
        case .confident(let id, _): id
        case .uncertain(let id, _, _): id
        case .none: nil
        }
    }
}

/// Matches import rows to the people on record: candidates through the
/// indexes, then the linkage engine's scores between the file and them.
struct ImportMatcher {
    let store: Store
    let scope: RecordScope
    let thresholds: MatchThresholds

    static let minimumBackground = 5_000

    struct Result {
        var decisions: [Int: MatchDecision] = [:]
        var candidates = 0
    }

    func match(_ rows: [ImportRow]) async throws -> Result {
        var result = Result()
        guard !rows.isEmpty else { return result }
        let query = ImportCandidatesQuery(store: store, scope: scope)
        let ids = try await query.candidateIDs(Self.keys(rows))
        var candidates = try await query.records(ids)
        result.candidates = candidates.count
        // u (how often strangers agree) needs strangers: a small file has too few candidates to show it.
        if candidates.count < Self.minimumBackground {
            candidates += try await query.background(Self.minimumBackground - candidates.count).filter { !ids.contains(Int64($0.recordID) ?? -1) }
        }
        guard !candidates.isEmpty else {
            for row in rows { result.decisions[row.row] = MatchDecision.none }
            return result
        }
        let left = rows.map(Self.record)
        var configuration = LinkageConfiguration(thresholds: thresholds)
        // u is estimated from random pairs of the file and its candidates; there are no more pairs than that to draw.
        configuration.randomPairs = min(configuration.randomPairs, max(10_000, left.count * candidates.count))
        let linkage = LinkageEngine.link(left: left, right: candidates, configuration: configuration)
        var ranked: [Int: [ScoredPair]] = [:]
        for pair in linkage.pairs where pair.probability >= thresholds.review {
            ranked[pair.left, default: []].append(pair)
        }
        for (index, row) in rows.enumerated() {
            let pairs = (ranked[index] ?? []).sorted { $0.probability > $1.probability }
            guard let best = pairs.first, let personID = Int64(linkage.records.recordIDs[best.right]) else {
                result.decisions[row.row] = MatchDecision.none
                continue
            }
            let runnerUp = pairs.dropFirst().first
            if best.probability >= thresholds.match, runnerUp == nil {
                result.decisions[row.row] = .confident(personID: personID, probability: best.probability)
            } else {
                result.decisions[row.row] = .uncertain(
                    personID: personID, probability: best.probability, explanation: linkage.explanation(for: best).jsonLines.joined(separator: "\n"))
            }
        }
        return result
    }

    static func record(_ row: ImportRow) -> LinkageRecord {
        let identity = row.identity
        return LinkageRecord(
            recordID: "row \(row.row)", givenName: identity.givenName, middleNames: identity.middleNames, familyName: identity.familyName,
            dateOfBirth: BirthDate(year: identity.dateOfBirth.year, month: identity.dateOfBirth.month, day: identity.dateOfBirth.day),
            gender: identity.gender?.rawValue, postcode: identity.postcode, upn: identity.upn, uln: identity.uln)
    }

    static func keys(_ rows: [ImportRow]) -> ImportCandidatesQuery.Keys {
        var keys = ImportCandidatesQuery.Keys()
        for row in rows {
            let identity = row.identity
            if let upn = identity.upn { keys.upns.insert(upn) }
            if let uln = identity.uln { keys.ulns.insert(uln) }
            let names = NameKeys.keys(givenNames: [identity.givenName, identity.middleNames], familyNames: [identity.familyName])
            let born = identity.dateOfBirth
            for name in names { keys.nameKeys[name, default: []].insert(born.iso) }
            let dates = [born.iso] + [try? CalendarDate(year: born.year, month: born.day, day: born.month)].compactMap { $0?.iso }
            for date in dates {
                for given in Set(names.map(\.given)) { keys.birthDateGivenKeys.insert(ImportCandidatesQuery.Keys.birthDateKey(date, given: given)) }
            }
        }
        return keys
    }
}
