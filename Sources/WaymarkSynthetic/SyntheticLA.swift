import WaymarkCore

/// A fictional local authority, generated deterministically from a seed.
///
/// Any person can be generated on their own from (seed, key), so a loader can
/// stream the authority in batches and spread generation across cores.
public struct SyntheticLA: Sendable {
    public let configuration: SyntheticLAConfiguration
    public let organisations: [SyntheticOrganisation]
    let catalogue: OrganisationCatalogue

    public init(_ configuration: SyntheticLAConfiguration) {
        self.configuration = configuration
        catalogue = OrganisationCatalogue(laCode: configuration.laCode, laName: configuration.laName)
        organisations = catalogue.all
    }

    /// The person with this key (1-based).
    public func person(_ key: Int) -> SyntheticPerson {
        var random = SeededGenerator(seed: configuration.seed, stream: UInt64(key))
        let isVariant = key > 50 && random.chance(configuration.duplicateRate)
        guard isVariant else { return PersonBuilder(la: self, key: key, random: random).build() }
        let original = random.int(1...(key - 1))
        let truth = PersonBuilder(la: self, key: original, random: SeededGenerator(seed: configuration.seed, stream: UInt64(original)))
            .build()
        let variant = VariantGenerator.variant(of: truth, seed: configuration.seed ^ UInt64(key), in: self)
        return PersonBuilder(la: self, key: key, random: random).build(asVariantOf: truth, identity: variant.identity)
    }

    public func people(_ keys: Range<Int>) -> [SyntheticPerson] {
        keys.map(person)
    }
}
