public import Foundation
public import Logging
import WaymarkCore
public import WaymarkStore
public import WaymarkSynthetic

/// Fills an empty database with a synthetic local authority: its
/// organisations, then its young people in batches, generating the next batch
/// on one core while the previous one is written on the other.
public struct DemoLoader: Sendable {
    let store: Store
    let logger: Logger
    public var batchSize = 2_000

    public init(store: Store, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// What a load wrote, and how long it took.
    public struct Report: Sendable {
        public var people = 0
        public var rows = 0
        public var seconds = 0.0
        public var organisationIDs: [Int: Int64] = [:]

        public var peoplePerSecond: Double { seconds > 0 ? Double(people) / seconds : 0 }
        public var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }
    }

    public func load(_ authority: SyntheticLA, now: Date) async throws -> Report {
        let started = ContinuousClock.now
        let actor = Actor.system("demo-generator")
        var report = Report()
        report.organisationIDs = try await loadOrganisations(authority, actor: actor, now: now)
        report.rows = report.organisationIDs.count
        // The authority's wards and postcode lookup, so the demo's figures have a map.
        _ = try await GeographyImport(store: store).store(
            wards: SyntheticGeography.wards, postcodes: SyntheticGeography.postcodes, actor: actor, at: now)
        let loader = BulkLoader(store: store)
        let mapper = SyntheticMapper(
            registry: DemoAuthority.registry, organisationIDs: report.organisationIDs,
            organisationKinds: Dictionary(authority.organisations.map { ($0.key, $0.kind) }, uniquingKeysWith: { first, _ in first }))
        let total = authority.configuration.people
        var next = 1
        var pending: Task<[BulkPerson], any Error>? = nil
        func generate(_ keys: Range<Int>) -> Task<[BulkPerson], any Error> {
            Task.detached { try authority.people(keys).map(mapper.bulkPerson) }
        }
        if next <= total {
            pending = generate(next..<min(total + 1, next + batchSize))
            next += batchSize
        }
        while let current = pending {
            let batch = try await current.value
            pending = next <= total ? generate(next..<min(total + 1, next + batchSize)) : nil
            next += batchSize
            let written = try await loader.load(batch, by: actor, at: now)
            report.people += written.people
            report.rows += written.rows
            logger.debug("loaded batch", metadata: ["people": "\(report.people)"])
        }
        try await loader.finish()
        report.seconds = (ContinuousClock.now - started).seconds
        return report
    }

    private func loadOrganisations(_ authority: SyntheticLA, actor: Actor, now: Date) async throws -> [Int: Int64] {
        let organisations = authority.organisations
        return try await store.change(by: actor, at: now) { tx in
            var ids: [Int: Int64] = [:]
            for organisation in organisations {
                ids[organisation.key] = try await tx.createOrganisation(
                    NewOrganisation(
                        kind: organisation.kind, name: organisation.name, laCode: organisation.laCode,
                        establishmentNumber: organisation.establishmentNumber, ukprn: organisation.ukprn, phase: organisation.phase))
            }
            return ids
        }
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
