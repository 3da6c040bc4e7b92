public import Foundation
public import WaymarkCore
import WaymarkFormats
public import WaymarkRecords
import WaymarkMatching
public import WaymarkStore

/// Who a received package is, on this LA's records.
public enum TransferMatch: Sendable, Equatable {
    /// Already linked to the sender's identifier (a second package for the same young person).
    case previouslyLinked(personID: Int64)
    /// The matcher is sure: one person, nobody else close.
    case confident(personID: Int64)
    /// Somebody plausible: a data manager decides.
    case uncertain(personID: Int64, probability: Double)
    case none

    public var personID: Int64? {
        switch self {
        case .previouslyLinked(let id), .confident(let id), .uncertain(let id, _): id
        case .none: nil
        }
    }
}

/// What accepting a package did.
public struct TransferAcceptance: Sendable, Equatable {
    public let personID: Int64
    /// "created" or "linked".
    public let outcome: String
}

/// How the data manager wants a package accepted.
public enum TransferAcceptChoice: Sendable, Equatable {
    /// Link when the matcher is sure, create when nobody is plausible; refuse when unsure.
    case asMatched
    case link(personID: Int64)
    case createNew
}

extension TransferDesk {
    public func match(for grant: AccessGrant, id: Int64, at now: Date) async throws -> TransferMatch {
        try grant.require(.transferPeople)
        let (stored, package) = try await waiting(id)
        return try await match(stored, package, scope: grant.scope)
    }

    /// The previous identifier first, then the import matcher over the LA's records.
    func match(_ stored: StoredTransferIn, _ package: TransferPackage, scope: RecordScope) async throws -> TransferMatch {
        if let linked = try await TransferQueries(store: store).person(previouslyKnownAs: stored.previousIdentifier, in: stored.fromLA) {
            return .previouslyLinked(personID: linked)
        }
        let identity = package.identity
        // The matcher reads a row's identity only; the event is there because every import row has one.
        let row = ImportRow(
            row: 1,
            identity: ImportIdentity(
                givenName: identity.givenName, middleNames: identity.middleNames, familyName: identity.familyName, dateOfBirth: identity.dateOfBirth,
                gender: identity.gender, upn: identity.upn, uln: identity.uln),
            event: .claim(start: package.movedOn), raw: [])
        let result = try await ImportMatcher(store: store, scope: scope, thresholds: MatchThresholds()).match([row])
        switch result.decisions[1] ?? MatchDecision.none {
        case .confident(let id, _): return .confident(personID: id)
        case .uncertain(let id, let probability, _): return .uncertain(personID: id, probability: probability)
        case .none: return .none
        }
    }

    public func accept(for grant: AccessGrant, id: Int64, choice: TransferAcceptChoice, at now: Date) async throws -> TransferAcceptance {
        try grant.require(.transferPeople)
        return try await accept(id: id, choice: choice, scope: grant.scope, by: grant.actor, at: now)
    }

    /// Adds the young person (or links the one on record), writes the
    /// package's facts with the sending LA as their source, links the
    /// previous identifier and marks the package accepted: one change.
    public func accept(id: Int64, choice: TransferAcceptChoice, scope: RecordScope, by actor: Actor, at now: Date) async throws -> TransferAcceptance {
        let (stored, package) = try await waiting(id)
        let target: Int64?
        switch choice {
        case .createNew: target = nil
        case .link(let personID):
            guard try await CaseloadLookup(store: store).placement(of: personID, in: scope) != nil else {
                throw Refusal.notFound("There is no young person \(personID) in your records to link the transfer to.")
            }
            target = personID
        case .asMatched:
            switch try await match(stored, package, scope: scope) {
            case .previouslyLinked(let personID), .confident(let personID): target = personID
            case .uncertain(let personID, _):
                throw Refusal.conflict("Young person \(personID) may be the same person: open the transfer and choose to link to them or add a new record.")
            case .none: target = nil
            }
        }
        let source = Actor(userID: actor.userID, source: "transfer:la=\(stored.fromLA)#\(id)", label: actor.label)
        let la = laCode
        // What the record already holds, so the package adds only what is new to it.
        let known = try await target.asyncMap { try await PersonBundleReader(store: store, registry: registry).person($0, responsibleLA: la.code) } ?? nil
        let consents = try await target.asyncMap { try await ConsentQueries(store: store).standing(of: $0) } ?? []
        return try await store.change(by: source, at: now) { tx in
            let personID: Int64
            let existing = target != nil
            if let target {
                personID = target
            } else {
                personID = try await tx.createPerson(
                    NewYoungPerson(identity: package.identity, cohortStatus: .primary, responsibleLA: la, educatedLA: la, cohortStatusSince: package.movedOn))
            }
            try await Self.writeFacts(package, to: personID, skipping: known, on: tx)
            try await Self.carryConsents(package, to: personID, skipping: consents, at: now, on: tx)
            if try await tx.previousIdentifierMissing(of: personID, la: package.fromLA.code, identifier: package.previousIdentifier) {
                try await tx.linkPreviousIdentifier(of: personID, la: package.fromLA, identifier: package.previousIdentifier)
            }
            let outcome = existing ? "linked" : "created"
            try await tx.acceptTransfer(id, personID: personID, outcome: outcome)
            return TransferAcceptance(personID: personID, outcome: outcome)
        }
    }

    /// The package's histories, less what the record already holds (the same activity code from the same day, and so on).
    static func writeFacts(_ package: TransferPackage, to personID: Int64, skipping known: PersonBundle?, on tx: ChangeTransaction) async throws {
        let activities = Set((known?.activities ?? []).map { "\($0.code.rawValue)@\($0.startDate.iso)" })
        for activity in package.activities where !activities.contains("\(activity.code.rawValue)@\(activity.startDate.iso)") {
            _ = try await tx.recordActivity(activity, for: personID)
        }
        let needs = Set((known?.needs ?? []).map(\.validFrom))
        for need in package.needs where !needs.contains(need.validFrom) { _ = try await tx.recordNeed(need, for: personID) }
        let characteristics = Set((known?.characteristics ?? []).map { "\($0.code.rawValue)@\($0.startDate.iso)" })
        for item in package.characteristics where !characteristics.contains("\(item.code.rawValue)@\(item.startDate.iso)") {
            _ = try await tx.addCharacteristic(item, for: personID)
        }
    }
}

extension TransferDesk {
    /// The young person's consent choices from the package, kept on their
    /// record here as provisions whose method says which authority they were
    /// given to; the change's source (`transfer:la=…#id`) and moment are
    /// their provenance. A choice already carried by an earlier package is
    /// not kept twice. They are in force like any other choice until the
    /// young person changes them here.
    static func carryConsents(_ package: TransferPackage, to personID: Int64, skipping held: [ConsentProvision], at now: Date, on tx: ChangeTransaction) async throws {
        let method = ConsentMethod.transfer(fromLA: package.fromLA.code)
        for consent in package.consents {
            let provision = ConsentProvision(
                decision: consent.decision, purpose: consent.purpose, recipient: consent.recipientKind.map(ConsentRecipient.kind) ?? .anyone,
                dataClass: consent.dataClass, from: consent.from, until: consent.until, givenBy: consent.givenBy, method: method, recordedAt: now)
            let already = held.contains {
                $0.method == method && $0.withdrawnAt == nil && $0.decision == provision.decision && $0.purpose == provision.purpose
                    && $0.recipient == provision.recipient && $0.dataClass == provision.dataClass && $0.from == provision.from && $0.until == provision.until
            }
            if !already { _ = try await tx.recordConsent(provision, for: personID) }
        }
    }
}

extension Optional where Wrapped: Sendable {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
