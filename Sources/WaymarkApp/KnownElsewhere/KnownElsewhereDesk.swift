public import Foundation
public import WaymarkCore
import WaymarkFormats
public import WaymarkRecords
public import WaymarkStore

/// What the index says about one young person: the other LAs that hold
/// them, by code and name. Never a name, date or identifier of theirs.
public struct KnownElsewhereAnswer: Sendable, Equatable {
    public let personID: Int64
    public let authorities: [KnownAuthority]
    /// How many more look-ups the user may make this hour.
    public let lookupsLeft: Int
}

public struct KnownAuthority: Sendable, Equatable {
    public let code: String
    public let name: String
}

/// How often one user may ask the index: enough for a day's tracking, too
/// few to walk a list of guesses through it (docs/known-elsewhere.md).
public struct KnownElsewherePolicy: Sendable {
    public var lookupsPerHour: Int

    public init(lookupsPerHour: Int) {
        self.lookupsPerHour = lookupsPerHour
    }

    public static let standard = KnownElsewherePolicy(lookupsPerHour: 60)
}

/// "Known elsewhere?" (issue 15, item 6): publishing this LA's keyed
/// digests, loading the region's files into the index (at the LA that runs
/// it), and a tracking officer's look-up of one young person.
public struct KnownElsewhereDesk: Sendable {
    let store: Store
    let registry: LocalAuthorityRegistry
    let laCode: LocalAuthorityCode
    public var policy = KnownElsewherePolicy.standard

    public init(store: Store, registry: LocalAuthorityRegistry, laCode: LocalAuthorityCode) {
        self.store = store
        self.registry = registry
        self.laCode = laCode
    }

    var index: KnownElsewhereIndex { KnownElsewhereIndex(store: store) }

    func hasher() async throws -> KnownElsewhereHasher {
        guard let (id, key) = try await index.regionKey() else {
            throw Refusal.conflict("No region key is set: ask the LA that runs the regional index for it (waymark known-elsewhere key).")
        }
        return KnownElsewhereHasher(keyID: id, key: key)
    }

    public func setRegionKey(id: String, base64 text: String, by actor: Actor, at now: Date) async throws {
        guard (1...64).contains(id.count), id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw Refusal.invalid("id: the key's id is 1–64 printable characters without spaces")
        }
        guard let key = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), key.count >= 32 else {
            throw Refusal.invalid("key: the region key is at least 32 random bytes written as base64")
        }
        try await index.setRegionKey(id: id, key: key, by: actor, at: now)
    }

    /// Writes this LA's digests (header, one a line, trailer) through `write`,
    /// reading people 2,000 at a time; returns how many digests were written.
    public func publish(by actor: Actor, at now: Date, write: (String) throws -> Void) async throws -> Int {
        let hasher = try await hasher()
        try write(KnownElsewhereFileWriter.header(KnownElsewhereFileHeader(laCode: laCode.code, keyID: hasher.keyID)))
        var count = 0
        let reader = PersonBundleReader(store: store, registry: registry)
        try await reader.forEachBatch(responsibleLA: laCode.code) { batch in
            var lines = ""
            for person in batch {
                guard let given = person.givenName, let family = person.familyName, let born = person.dateOfBirth else { continue }
                let identity = YoungPersonIdentity(
                    givenName: given, familyName: family, dateOfBirth: born, gender: .unknown, ethnicity: .notObtained, upn: person.upn, uln: person.uln)
                for digest in hasher.digests(for: identity) {
                    lines += digest + "\n"
                    count += 1
                }
            }
            try write(lines)
        }
        try write(KnownElsewhereFileWriter.trailer(count: count))
        try await store.record(.export, by: actor, at: now, entity: "known_elsewhere_publication", detail: "la=\(laCode.code) digests=\(count)")
        return count
    }

    /// Loads one LA's file into the index, replacing what it published before;
    /// refused if it was hashed under another key than the region's.
    public func load(_ source: KnownElsewhereFileSource, fileSHA256: String, by actor: Actor, at now: Date) async throws -> (la: String, digests: Int) {
        let header = try source.header()
        let region = try await hasher()
        guard header.keyID == region.keyID else {
            throw Refusal.invalid("key: the file was hashed with key \(header.keyID); the region's key is \(region.keyID) — ask LA \(header.laCode) to publish again")
        }
        guard (try? registry.code(header.laCode)) != nil else { throw Refusal.invalid("la: \(header.laCode) is not a local authority code") }
        let count = try await index.replace(laCode: header.laCode, keyID: header.keyID, fileSHA256: fileSHA256, from: source, by: actor, at: now)
        return (header.laCode, count)
    }

    /// Which other LAs hold this young person. Audited with the person's id
    /// and the number of matches; limited per user per hour.
    public func lookUp(for grant: AccessGrant, person: Int64, at now: Date) async throws -> KnownElsewhereAnswer {
        try grant.require(.lookUpElsewhere)
        guard try await CaseloadLookup(store: store).placement(of: person, in: grant.scope) != nil,
              let bundle = try await PersonBundleReader(store: store, registry: registry).person(person, responsibleLA: laCode.code),
              let given = bundle.givenName, let family = bundle.familyName, let born = bundle.dateOfBirth else {
            throw Refusal.notFound("There is no young person \(person) in your records.")
        }
        let used = try await index.lookups(by: grant.user.id, since: Timestamp.format(now.addingTimeInterval(-3600)))
        guard used < policy.lookupsPerHour else {
            throw Refusal.forbidden("You have made \(used) look-ups in the last hour, the most allowed; try again later or ask a data manager.")
        }
        let hasher = try await hasher()
        let identity = YoungPersonIdentity(
            givenName: given, familyName: family, dateOfBirth: born, gender: .unknown, ethnicity: .notObtained, upn: bundle.upn, uln: bundle.uln)
        let holders = try await index.holders(of: hasher.digests(for: identity))
        let codes = Set(holders.values.flatMap { $0 }).subtracting([laCode.code]).sorted()
        try await store.change(by: grant.actor, at: now) { tx in try await tx.recordKnownElsewhereLookup(personID: person, matches: codes.count) }
        let authorities = codes.map { code in KnownAuthority(code: code, name: (try? registry.code(code)).flatMap(registry.name(of:)) ?? "LA \(code)") }
        return KnownElsewhereAnswer(personID: person, authorities: authorities, lookupsLeft: policy.lookupsPerHour - used - 1)
    }

    /// Records a request to `la` for the young person's record, after a match.
    public func requestTransfer(for grant: AccessGrant, person: Int64, from la: String, at now: Date) async throws -> Int64 {
        try grant.require(.lookUpElsewhere)
        guard try await CaseloadLookup(store: store).placement(of: person, in: grant.scope) != nil else {
            throw Refusal.notFound("There is no young person \(person) in your records.")
        }
        let code: LocalAuthorityCode
        do { code = try registry.code(la, field: "la") } catch { throw Refusal.invalid("la: '\(la)' is not a local authority code") }
        guard code != laCode else { throw Refusal.invalid("la: a transfer is requested from another authority") }
        return try await store.change(by: grant.actor, at: now) { tx in try await tx.requestTransfer(of: person, from: code) }
    }
}
