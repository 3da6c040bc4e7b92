public import Foundation
public import WaymarkCore
public import WaymarkRecords
import WaymarkStore

/// What a system asks "known elsewhere?" about: one UPN, one ULN, or a
/// given name, family name and date of birth — of a young person already
/// in the asker's own records (docs/known-elsewhere.md: the index is never
/// asked about arbitrary names).
public enum KnownElsewhereQuestion: Sendable, Equatable {
    case upn(String)
    case uln(String)
    case name(given: String, family: String, born: CalendarDate)
}

/// The asker's look-ups for the hour are spent: when the next may be made.
public struct KnownElsewhereLimitReached: Error, Sendable, CustomStringConvertible {
    public let limit: Int
    public let retryAfterSeconds: Int

    public var description: String {
        "You have made the \(limit) look-ups allowed in an hour; the next may be made in \(retryAfterSeconds) seconds."
    }
}

extension KnownElsewhereDesk {
    /// The look-up of the young person in the asker's records these
    /// identifiers name: refused before any work when the hour's look-ups
    /// are spent, then ``lookUp(for:person:at:)`` (scope, limit, audit).
    public func lookUp(for grant: AccessGrant, identifiers question: KnownElsewhereQuestion, at now: Date) async throws -> KnownElsewhereAnswer {
        try grant.require(.lookUpElsewhere)
        try await requireAllowance(grant, at: now)
        let person = try await person(question, in: grant.scope)
        return try await lookUp(for: grant, person: person, at: now)
    }

    func requireAllowance(_ grant: AccessGrant, at now: Date) async throws {
        let since = Timestamp.format(now.addingTimeInterval(-3600))
        guard try await index.lookups(by: grant.user.id, since: since) >= policy.lookupsPerHour else { return }
        // The oldest look-up in the hour leaves it first, a second after it is an hour old (the
        // window counts its first second, in whole seconds); then one more is allowed.
        let oldest = try await index.oldestLookup(by: grant.user.id, since: since).flatMap(Timestamp.parse)
        let wait = oldest.map { Int($0.addingTimeInterval(3601).timeIntervalSince(now).rounded(.up)) } ?? 3600
        throw KnownElsewhereLimitReached(limit: policy.lookupsPerHour, retryAfterSeconds: min(3601, max(1, wait)))
    }

    /// The one young person in scope the identifiers name, normalised as the index normalises them.
    func person(_ question: KnownElsewhereQuestion, in scope: RecordScope) async throws -> Int64 {
        let search = PersonSearchQuery(store: store)
        let found: [Int64]
        switch question {
        case .upn(let text):
            guard let upn = KnownElsewhereIdentifiers.upn(text) else { throw Refusal.invalid("upn: a UPN is 13 letters and digits") }
            found = try await search.byIdentifier(upn: upn, in: scope, limit: 2).map(\.id)
        case .uln(let text):
            guard let uln = KnownElsewhereIdentifiers.uln(text) else { throw Refusal.invalid("uln: a ULN is 10 digits") }
            found = try await search.byIdentifier(uln: uln, in: scope, limit: 2).map(\.id)
        case .name(let given, let family, let born):
            guard let wanted = KnownElsewhereIdentifiers.nameAndBirth(given: given, family: family, born: born) else {
                throw Refusal.invalid("givenName: the given and family names need letters")
            }
            found = try await search.byDatesOfBirth([born.iso], in: scope, limit: 5_000).filter { candidate in
                guard let given = candidate.givenName, let family = candidate.familyName else { return false }
                return KnownElsewhereIdentifiers.nameAndBirth(given: given, family: family, born: born) == wanted
            }.map(\.id)
        }
        guard let first = found.first else { throw Refusal.notFound("No young person in your records has these identifiers.") }
        guard found.count == 1 else {
            throw Refusal.conflict("More than one young person in your records has this name and date of birth: ask with their UPN or ULN.")
        }
        return first
    }
}
